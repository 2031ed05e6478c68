package io.mapper.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.dialect.sqlite.SqliteTableDefinition.Check;
import io.mapper.dialect.sqlite.SqliteTableDefinition.Named;

class SqliteTableDefinitionTest {

    @Test
    void readsTableConstraintsWithTheirNames() {
        SqliteTableDefinition definition = SqliteTableDefinition.parse("CREATE TABLE order_line ("
                + "order_id BIGINT NOT NULL, line_no INTEGER NOT NULL, product_id INTEGER NOT NULL, "
                + "quantity INTEGER DEFAULT 1 NOT NULL, "
                + "CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no), "
                + "CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE, "
                + "FOREIGN KEY (product_id) REFERENCES product (id), "
                + "CONSTRAINT uq_order_line_product UNIQUE (order_id, product_id), "
                + "CONSTRAINT ck_order_line_quantity CHECK (quantity > 0))");
        assertThat(definition.primaryKeyName()).isEqualTo("pk_order_line");
        assertThat(definition.foreignKeys()).containsExactly(new Named("fk_order_line_order", List.of("order_id")),
                new Named(null, List.of("product_id")));
        assertThat(definition.uniques())
                .containsExactly(new Named("uq_order_line_product", List.of("order_id", "product_id")));
        assertThat(definition.checks()).containsExactly(new Check("ck_order_line_quantity", "quantity > 0"));
        assertThat(definition.foreignKeyName(List.of("ORDER_ID"))).isEqualTo("fk_order_line_order");
        assertThat(definition.foreignKeyName(List.of("product_id"))).isNull();
        assertThat(definition.uniqueName(List.of("order_id", "product_id"))).isEqualTo("uq_order_line_product");
        assertThat(definition.uniqueName(List.of("product_id", "order_id"))).isNull();
        assertThat(definition.withoutRowid()).isFalse();
    }

    @Test
    void readsColumnConstraintsNamedOrNot() {
        SqliteTableDefinition definition = SqliteTableDefinition.parse("CREATE TABLE product ("
                + "id INTEGER CONSTRAINT pk_product PRIMARY KEY AUTOINCREMENT, "
                + "sku VARCHAR(20) CONSTRAINT uq_sku UNIQUE NOT NULL, "
                + "price NUMERIC(10, 2) NOT NULL CONSTRAINT ck_price CHECK (price >= 0), "
                + "stock INTEGER DEFAULT (0) CHECK (stock >= 0 AND stock < 1000000), "
                + "category_id INTEGER CONSTRAINT fk_category REFERENCES category (id) ON DELETE SET NULL, "
                + "tag_id INTEGER REFERENCES tag)");
        assertThat(definition.primaryKeyName()).isEqualTo("pk_product");
        assertThat(definition.autoincrementColumns()).containsExactly("id");
        assertThat(definition.uniques()).containsExactly(new Named("uq_sku", List.of("sku")));
        assertThat(definition.checks()).containsExactly(new Check("ck_price", "price >= 0"),
                new Check(null, "stock >= 0 AND stock < 1000000"));
        assertThat(definition.foreignKeys()).containsExactly(new Named("fk_category", List.of("category_id")),
                new Named(null, List.of("tag_id")));
    }

    @Test
    void respectsQuotesCommentsAndNestedParentheses() {
        SqliteTableDefinition definition = SqliteTableDefinition.parse("CREATE TABLE \"Weird \"\"Table\"\"\" (\n"
                + "  [my id] INTEGER NOT NULL, -- the key, (with a comment)\n"
                + "  `label` TEXT DEFAULT 'a, b (c)' /* not a , separator */,\n"
                + "  CONSTRAINT \"pk, odd\" PRIMARY KEY ([my id]),\n"
                + "  CONSTRAINT ck_label CHECK (length(label) > 0 AND label <> ')'),\n"
                + "  UNIQUE (\"label\" COLLATE NOCASE, [my id] DESC)\n"
                + ") WITHOUT ROWID");
        assertThat(definition.primaryKeyName()).isEqualTo("pk, odd");
        assertThat(definition.checks()).containsExactly(new Check("ck_label", "length(label) > 0 AND label <> ')'"));
        assertThat(definition.uniques()).containsExactly(new Named(null, List.of("label", "my id")));
        assertThat(definition.withoutRowid()).isTrue();
    }

    @Test
    void anUnreadableStatementGivesAnEmptyDefinition() {
        assertThat(SqliteTableDefinition.parse(null).checks()).isEmpty();
        SqliteTableDefinition asSelect = SqliteTableDefinition.parse("CREATE TABLE copy AS SELECT count(*) AS x, "
                + "max(CHECK_ME) FROM t");
        assertThat(asSelect.checks()).isEmpty();
        assertThat(asSelect.primaryKeyName()).isNull();
    }
}
