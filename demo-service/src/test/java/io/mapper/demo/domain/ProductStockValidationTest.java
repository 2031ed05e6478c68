package io.mapper.demo.domain;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mapper.engine.Engine;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.mapping.ValidationException;

/** The product's {@code @Validates("stock")} stops a flush that would write a stock outside its limits. */
class ProductStockValidationTest {

    @Test
    void aStockOutsideItsLimitsIsNotWritten(@TempDir Path directory) {
        Engine engine = Engine.create("jdbc:sqlite:" + directory.resolve("stock.db"));
        SessionFactory sessions = SessionFactory.builder(engine).scan("io.mapper.demo.domain").build();
        sessions.metadata().createAll(engine);
        try (Session session = sessions.open()) {
            Product product = new Product("SKU-1", "Kettle", new BigDecimal("20.00"), 5);
            session.add(product);
            session.commit();
            product.setStock(-1);
            assertThatThrownBy(session::flush).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("stock").hasMessageContaining("between 0 and");
            session.rollback();
            product.setStock(Product.MAX_STOCK);
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Product.class)).one().getStock()).isEqualTo(Product.MAX_STOCK);
        } finally {
            engine.dispose();
        }
    }
}
