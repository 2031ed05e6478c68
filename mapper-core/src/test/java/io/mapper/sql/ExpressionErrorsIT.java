package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.ResourceClosedException;
import io.mapper.exception.UnsupportedCompilationException;

/** Bad input is caught where it is made, with a message that names it, on every backend. */
class ExpressionErrorsIT extends StoreTest {

    @Test
    void unknownColumnListsTheKnownOnes() {
        assertThatThrownBy(() -> CUSTOMER.column("x")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining("[id, name, email, country, nickname]");
        assertThatThrownBy(() -> insert(CUSTOMER).values(Map.of("emial", "a@b"))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("emial");
        assertThatThrownBy(() -> update(CUSTOMER).set(PRODUCT_NAME, "x")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("product.name").hasMessageContaining("customer");
    }

    @Test
    void typeMismatchNamesBothTypes() {
        assertThatThrownBy(() -> PRODUCT_STOCK.eq("ten")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Integer").hasMessageContaining("String").hasMessageContaining("product.stock")
                .hasMessageNotContaining("ten");
        assertThatThrownBy(() -> CUSTOMER_NAME.in("Ann", 3)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("String").hasMessageContaining("Integer");
        assertThatThrownBy(() -> CUSTOMER_NAME.eq(PRODUCT_STOCK)).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> insert(PRODUCT).values(Map.of("stock", "many"))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Integer");
        assertThatThrownBy(() -> PRODUCT_STOCK.like("1%")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("LIKE");
    }

    @Test
    void aConstructTheDatabaseCannotRenderNamesTheDialect() {
        Select full = select(PRODUCT_NAME).from(PRODUCT).fullOuterJoin(CATEGORY, PRODUCT_CATEGORY.eq(CATEGORY_ID));
        Update returning = update(PRODUCT).set(PRODUCT_STOCK, 1).returning(PRODUCT_ID);
        try (Connection conn = engine().connect()) {
            if (backend.is("h2") || backend.is("mariadb")) {
                assertThatThrownBy(() -> conn.execute(full)).isInstanceOf(UnsupportedCompilationException.class)
                        .hasMessageContaining(backend.name());
            }
            if (backend.is("mariadb")) {
                assertThatThrownBy(() -> conn.execute(returning)).isInstanceOf(UnsupportedCompilationException.class)
                        .hasMessageContaining("RETURNING on UPDATE").hasMessageContaining("mariadb");
            }
            Executable foreignUpsert = backend.is("postgresql")
                    ? io.mapper.dialect.sqlite.SqliteInsert.insert(TAG).values(Map.of("id", 9L, "name", "n"))
                    : io.mapper.dialect.postgresql.PostgresInsert.insert(TAG).values(Map.of("id", 9L, "name", "n"));
            assertThatThrownBy(() -> conn.execute(foreignUpsert))
                    .isInstanceOf(io.mapper.exception.CompileException.class).hasMessageContaining("compiles only for");
            // Nothing was sent: the connection still works.
            assertThat(conn.execute(select(count()).from(TAG)).scalar(Long.class)).isEqualTo(3L);
        }
    }

    /**
     * A value passed under a key the statement has no parameter of is refused before anything runs, naming the key
     * and the statement's keys; it was ignored, so a misspelt key left the statement's own value bound. Mirrors
     * {@code test/sql/test_insert.py::InsertTest::test_unconsumed_names_kwargs} and {@code test_update.py}'s, which
     * refuse unconsumed column names.
     */
    @Test
    void aParameterKeyTheStatementDoesNotHaveIsRefused() {
        Select byId = select(CUSTOMER_NAME).where(CUSTOMER_ID.eq(0L));
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(byId, Map.of("id_1", 1L)).all()).hasSize(1);
            assertThatThrownBy(() -> conn.execute(byId, Map.of("id", 1L))).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining(":id,").hasMessageContaining("its parameters are :id_1");
            assertThatThrownBy(() -> conn.execute(select(CUSTOMER_NAME), Map.of("x", 1)))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("it has no parameters");
            Update rename = update(CUSTOMER).set(CUSTOMER_NAME, "x").where(CUSTOMER_ID.eq(0L));
            assertThatThrownBy(() -> conn.execute(rename, Map.of("nmae_1", "Zed", "id_1", 1L)))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining(":nmae_1");
            // Nothing was written.
            assertThat(conn.execute(select(count()).from(CUSTOMER).where(CUSTOMER_NAME.eq("x"))).scalar(Long.class))
                    .isZero();
            conn.rollback();
        }
    }

    @Test
    void aStatementOnAClosedConnectionIsRefused() {
        Connection conn = engine().connect();
        conn.close();
        assertThatThrownBy(() -> conn.execute(select(CUSTOMER_NAME))).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("closed Connection");
    }
}
