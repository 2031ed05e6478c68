package io.mapper.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.sql.ForeignKeyReference;
import io.mapper.types.Types;

/** Schema objects without a database: options, naming convention, foreign-key order, and bad input. */
class SchemaTest {

    final StoreSchema store = new StoreSchema();

    @Test
    void tablesExposeTypedColumnsAndKeys() {
        Column<String> email = store.customer.column("email", String.class);
        assertThat(email.name()).isEqualTo("email");
        assertThat(email.owner()).isSameAs(store.customer);
        assertThat(email.isNullable()).isFalse();
        assertThat(store.customer.column("id").isNullable()).isFalse();
        assertThat(store.customer.column("id").isAutoincrement()).isTrue();
        assertThat(store.category.column("parent_id").isNullable()).isTrue();
        Column<BigDecimal> price = store.product.column("price", BigDecimal.class);
        assertThat(price.type()).isEqualTo(Types.numeric(12, 2));
        assertThat(store.orderLine.primaryKey()).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo("pk_order_line");
            assertThat(key.columnNames()).containsExactly("order_id", "line_no");
        });
        assertThat(store.orderLine.column("quantity").serverDefault()).contains("1");
        assertThat(store.customer.comment()).contains("People who buy");
    }

    @Test
    void clientDefaultsAreValuesOrSuppliers() {
        MetaData metadata = new MetaData();
        Table table = metadata.table("event",
                Column.of("id", Types.UUID).primaryKey().defaultValue(UUID::randomUUID),
                Column.of("kind", Types.string(10)).defaultValue("info"));
        ColumnDefault<UUID> id = table.column("id", UUID.class).clientDefault().orElseThrow();
        assertThat(id.isCallable()).isTrue();
        assertThat(id.next()).isNotEqualTo(id.next());
        ColumnDefault<String> kind = table.column("kind", String.class).clientDefault().orElseThrow();
        assertThat(kind.isCallable()).isFalse();
        assertThat(kind.next()).isEqualTo("info");
    }

    @Test
    void foreignKeysFeedJoinInference() {
        List<ForeignKeyReference> keys = store.orderLine.foreignKeys();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).referredTable()).isSameAs(store.purchaseOrder);
        assertThat(keys.get(0).columns()).containsExactly(store.orderLine.column("order_id"));
        assertThat(keys.get(0).referredColumns()).containsExactly(store.purchaseOrder.column("id"));
    }

    @Test
    void sortedTablesPutParentsFirst() {
        assertThat(store.metadata.sortedTables()).extracting(Table::name).containsExactly(
                "customer", "purchase_order", "category", "product", "order_line", "tag", "product_tag");
    }

    @Test
    void namingConventionTemplatesAreConfigurable() {
        MetaData metadata = new MetaData(NamingConvention.of(Map.of(
                "uq", "%(table_name)s_%(column_0N_name)s_key",
                "fk", "%(table_name)s_%(column_0_name)s_fkey",
                "ck", "%(table_name)s_%(constraint_name)s_check")));
        metadata.table("a", Column.of("id", Types.BIGINT).primaryKey());
        Table b = metadata.table("b",
                Column.of("x", Types.INTEGER), Column.of("y", Types.INTEGER),
                Column.of("a_id", Types.BIGINT).references("a.id"),
                UniqueConstraint.of("x", "y"),
                UniqueConstraint.of("y").named("explicit_name"),
                CheckConstraint.of("x > 0"));
        assertThat(b.uniqueConstraints()).extracting(Constraint::name).containsExactly("b_x_y_key", "explicit_name");
        assertThat(b.foreignKeyConstraints().get(0).name()).isEqualTo("b_a_id_fkey");
        assertThat(b.checkConstraints().get(0).name()).isEqualTo("b_1_check");
        assertThatThrownBy(() -> NamingConvention.of(Map.of("xx", "a")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("pk, fk, uq, ck and ix");
        assertThatThrownBy(() -> NamingConvention.of(Map.of("ix", "ix_%(tabel_name)s")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("%(tabel_name)s");
    }

    @Test
    void longNamesAreShortenedDeterministically() {
        MetaData metadata = new MetaData();
        String longName = "a_table_with_a_really_quite_extraordinarily_long_name";
        Table table = metadata.table(longName,
                Column.of("a_column_with_an_equally_long_name_for_good_measure", Types.INTEGER).unique());
        String name = table.uniqueConstraints().get(0).name();
        assertThat(name).hasSize(NamingConvention.MAX_NAME_LENGTH).startsWith("uq_a_table_with_a_really_quite_extraordinarily_long_na");
        MetaData again = new MetaData();
        assertThat(again.table(longName, Column.of("a_column_with_an_equally_long_name_for_good_measure",
                Types.INTEGER).unique()).uniqueConstraints().get(0).name()).isEqualTo(name);
    }

    @Test
    void duplicateTableIsRefused() {
        assertThatThrownBy(() -> store.metadata.table("customer", Column.of("id", Types.BIGINT)))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("already has a table 'customer'").hasMessageContaining("metadata.table(\"customer\")");
    }

    @Test
    void unknownColumnsAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> store.customer.column("mail"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("'mail'").hasMessageContaining("email");
        MetaData metadata = new MetaData();
        assertThatThrownBy(() -> metadata.table("t", Column.of("a", Types.INTEGER), UniqueConstraint.of("b")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("'b'").hasMessageContaining("[a]");
        assertThatThrownBy(() -> metadata.table("u", Column.of("a", Types.INTEGER), Index.on("a", "c")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("'c'");
        assertThatThrownBy(() -> store.metadata.table("nope"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("'nope'").hasMessageContaining("customer");
    }

    @Test
    void columnTypeMismatchNamesTheActualType() {
        assertThatThrownBy(() -> store.customer.column("email", Long.class))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("customer.email").hasMessageContaining("String")
                .hasMessageContaining("column(\"email\", String.class)");
    }

    @Test
    void foreignKeyToMissingTableOrColumnIsCaughtBeforeDdl() {
        MetaData metadata = new MetaData();
        Table line = metadata.table("line", Column.of("order_id", Types.BIGINT).references("orders.id"));
        assertThatThrownBy(metadata::validate)
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'orders'").hasMessageContaining("[line]")
                .hasMessageContaining("Define 'orders'");
        assertThatThrownBy(line::foreignKeys).isInstanceOf(ArgumentException.class).hasMessageContaining("'orders'");
        assertThatThrownBy(() -> metadata.createAll(work -> {
            throw new AssertionError("no DDL may run for a bad foreign key");
        })).isInstanceOf(ArgumentException.class).hasMessageContaining("'orders'");

        metadata.table("orders", Column.of("number", Types.BIGINT).primaryKey());
        assertThatThrownBy(metadata::validate)
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("column 'id' of table 'orders'").hasMessageContaining("[number]");
    }

    @Test
    void badKeyDeclarationsAreRefused() {
        MetaData metadata = new MetaData();
        assertThatThrownBy(() -> Column.of("name", Types.TEXT).autoincrement())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("only SMALLINT, INTEGER and BIGINT");
        assertThatThrownBy(() -> metadata.table("t", Column.of("id", Types.BIGINT).autoincrement()))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("primary key");
        assertThatThrownBy(() -> metadata.table("t2", Column.of("id", Types.BIGINT).primaryKey(),
                PrimaryKeyConstraint.of("id"))).isInstanceOf(ArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> metadata.table("t3", Column.of("id", Types.BIGINT).primaryKey().nullable(true)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("NOT NULL");
        assertThatThrownBy(() -> Column.of("x", Types.BIGINT).onDelete(ReferentialAction.CASCADE))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("references(");
        assertThatThrownBy(() -> Column.of("x", Types.BIGINT).references("nodot"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("\"table.column\"");
        Column<Long> shared = Column.of("id", Types.BIGINT);
        Table first = metadata.table("first", shared);
        assertThatThrownBy(() -> metadata.table("second", first.column("id")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("already belongs to table 'first'");
        assertThatThrownBy(() -> Types.numeric(2, 5)).isInstanceOf(ArgumentException.class);
    }
}
