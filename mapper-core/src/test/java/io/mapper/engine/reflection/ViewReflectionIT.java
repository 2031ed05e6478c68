package io.mapper.engine.reflection;

import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.engine.Inspector;
import io.mapper.exception.NoSuchTableException;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.schema.reflection.ReflectedColumn;
import io.mapper.schema.reflection.ReflectedTable;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/** Issue 14: views are reflected: their names, their columns, and as tables of a MetaData with {@code views}. */
class ViewReflectionIT extends BackendTest {

    @BeforeEach
    void createTableAndView() {
        MetaData metadata = new MetaData();
        metadata.table("customer", Column.of("id", Types.INTEGER).primaryKey(), Column.of("name", Types.string(30)),
                Column.of("country", Types.string(2)));
        metadata.createAll(engine());
        engine().begin(conn -> {
            conn.execute(text("INSERT INTO customer (id, name, country) VALUES (1, 'Ann', 'DE'), (2, 'Bob', 'US'), "
                    + "(3, 'Cleo', 'DE')"));
            conn.execute(text("CREATE VIEW german_customer AS SELECT id, name FROM customer WHERE country = 'DE'"));
        });
    }

    @Test
    void viewNamesAndColumnsAreReflected() {
        Inspector inspector = Inspector.of(engine());
        assertThat(inspector.viewNames()).containsExactly("german_customer");
        assertThat(inspector.tableNames()).containsExactly("customer");
        ReflectedTable view = inspector.table("german_customer");
        assertThat(view.columns()).extracting(ReflectedColumn::name).containsExactly("id", "name");
        assertThat(view.primaryKey()).isNull();
        assertThat(view.foreignKeys()).isEmpty();
        assertThat(inspector.views()).extracting(ReflectedTable::name).containsExactly("german_customer");
        assertThatThrownBy(() -> inspector.table("no_such_view")).isInstanceOf(NoSuchTableException.class);
    }

    @Test
    void metadataReflectsViewsWhenAsked() {
        MetaData tablesOnly = new MetaData();
        tablesOnly.reflect(engine());
        assertThat(tablesOnly.tables()).extracting(Table::name).containsExactly("customer");

        MetaData withViews = new MetaData();
        List<Table> reflected = withViews.reflect(engine(), true);
        assertThat(reflected).extracting(Table::name).containsExactlyInAnyOrder("customer", "german_customer");
        Table view = withViews.table("german_customer");
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(view.column("name", String.class)).from(view)
                    .orderBy(view.column("id"))).scalars(String.class).all()).containsExactly("Ann", "Cleo");
        }
    }
}
