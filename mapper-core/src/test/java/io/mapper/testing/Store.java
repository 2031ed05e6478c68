package io.mapper.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.sql.ColumnClause;
import io.mapper.sql.ForeignKeyReference;
import io.mapper.sql.TableClause;
import io.mapper.types.JdbcType;
import io.mapper.types.SqlType;
import io.mapper.types.Types;

/**
 * The store schema of the expression-language tests: customers, categories (a self-referencing tree), products,
 * orders, order lines and a product-tag many-to-many, as lightweight tables with their foreign keys (the schema
 * layer is not needed), plus hand-written DDL per backend.
 */
public final class Store {

    /** NUMERIC(10, 2) as BigDecimal. */
    public static final SqlType<BigDecimal> MONEY = new JdbcType<>("NUMERIC(10, 2)", BigDecimal.class,
            java.sql.Types.NUMERIC);

    /** A table with foreign keys given as (column, referred table or null for itself, referred column). */
    static final class StoreTable extends TableClause {

        private final List<String[]> keys;
        private final List<@Nullable TableClause> referred;

        StoreTable(String name, List<ColumnClause<?>> columns) {
            this(name, columns, List.of(), List.of());
        }

        StoreTable(String name, List<ColumnClause<?>> columns, List<String[]> keys,
                List<@Nullable TableClause> referred) {
            super(name, null, columns);
            this.keys = keys;
            this.referred = referred;
        }

        @Override
        public List<ForeignKeyReference> foreignKeys() {
            List<ForeignKeyReference> result = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                TableClause target = referred.get(i) == null ? this : referred.get(i);
                result.add(new ForeignKeyReference(List.of(column(keys.get(i)[0])), target,
                        List.of(target.column(keys.get(i)[1]))));
            }
            return result;
        }
    }

    public static final TableClause CUSTOMER = new StoreTable("customer", List.of(
            ColumnClause.of("id", Types.BIGINT), ColumnClause.of("name", Types.string(100)),
            ColumnClause.of("email", Types.string(200)), ColumnClause.of("country", Types.string(2)),
            ColumnClause.of("nickname", Types.string(50))));
    public static final ColumnClause<Long> CUSTOMER_ID = CUSTOMER.column("id", Long.class);
    public static final ColumnClause<String> CUSTOMER_NAME = CUSTOMER.column("name", String.class);
    public static final ColumnClause<String> CUSTOMER_EMAIL = CUSTOMER.column("email", String.class);
    public static final ColumnClause<String> CUSTOMER_COUNTRY = CUSTOMER.column("country", String.class);
    public static final ColumnClause<String> CUSTOMER_NICKNAME = CUSTOMER.column("nickname", String.class);

    public static final TableClause CATEGORY = new StoreTable("category", List.of(
            ColumnClause.of("id", Types.BIGINT), ColumnClause.of("name", Types.string(100)),
            ColumnClause.of("parent_id", Types.BIGINT)),
            List.<String[]>of(new String[] {"parent_id", "id"}), java.util.Collections.singletonList(null));
    public static final ColumnClause<Long> CATEGORY_ID = CATEGORY.column("id", Long.class);
    public static final ColumnClause<String> CATEGORY_NAME = CATEGORY.column("name", String.class);
    public static final ColumnClause<Long> CATEGORY_PARENT = CATEGORY.column("parent_id", Long.class);

    public static final TableClause PRODUCT = new StoreTable("product", List.of(
            ColumnClause.of("id", Types.BIGINT), ColumnClause.of("sku", Types.string(20)),
            ColumnClause.of("name", Types.string(100)), ColumnClause.of("price", MONEY),
            ColumnClause.of("stock", Types.INTEGER), ColumnClause.of("category_id", Types.BIGINT)),
            List.<String[]>of(new String[] {"category_id", "id"}), List.of(CATEGORY));
    public static final ColumnClause<Long> PRODUCT_ID = PRODUCT.column("id", Long.class);
    public static final ColumnClause<String> PRODUCT_SKU = PRODUCT.column("sku", String.class);
    public static final ColumnClause<String> PRODUCT_NAME = PRODUCT.column("name", String.class);
    public static final ColumnClause<BigDecimal> PRODUCT_PRICE = PRODUCT.column("price", BigDecimal.class);
    public static final ColumnClause<Integer> PRODUCT_STOCK = PRODUCT.column("stock", Integer.class);
    public static final ColumnClause<Long> PRODUCT_CATEGORY = PRODUCT.column("category_id", Long.class);

    public static final TableClause ORDERS = new StoreTable("orders", List.of(
            ColumnClause.of("id", Types.BIGINT), ColumnClause.of("customer_id", Types.BIGINT),
            ColumnClause.of("status", Types.string(20)), ColumnClause.of("note", Types.TEXT)),
            List.<String[]>of(new String[] {"customer_id", "id"}), List.of(CUSTOMER));
    public static final ColumnClause<Long> ORDERS_ID = ORDERS.column("id", Long.class);
    public static final ColumnClause<Long> ORDERS_CUSTOMER = ORDERS.column("customer_id", Long.class);
    public static final ColumnClause<String> ORDERS_STATUS = ORDERS.column("status", String.class);
    public static final ColumnClause<String> ORDERS_NOTE = ORDERS.column("note", String.class);

    public static final TableClause ORDER_LINE = new StoreTable("order_line", List.of(
            ColumnClause.of("id", Types.BIGINT), ColumnClause.of("order_id", Types.BIGINT),
            ColumnClause.of("product_id", Types.BIGINT), ColumnClause.of("quantity", Types.INTEGER),
            ColumnClause.of("unit_price", MONEY)),
            List.of(new String[] {"order_id", "id"}, new String[] {"product_id", "id"}), List.of(ORDERS, PRODUCT));
    public static final ColumnClause<Long> LINE_ID = ORDER_LINE.column("id", Long.class);
    public static final ColumnClause<Long> LINE_ORDER = ORDER_LINE.column("order_id", Long.class);
    public static final ColumnClause<Long> LINE_PRODUCT = ORDER_LINE.column("product_id", Long.class);
    public static final ColumnClause<Integer> LINE_QUANTITY = ORDER_LINE.column("quantity", Integer.class);
    public static final ColumnClause<BigDecimal> LINE_PRICE = ORDER_LINE.column("unit_price", BigDecimal.class);

    public static final TableClause TAG = new StoreTable("tag", List.of(
            ColumnClause.of("id", Types.BIGINT), ColumnClause.of("name", Types.string(50))));
    public static final ColumnClause<Long> TAG_ID = TAG.column("id", Long.class);
    public static final ColumnClause<String> TAG_NAME = TAG.column("name", String.class);

    public static final TableClause PRODUCT_TAG = new StoreTable("product_tag", List.of(
            ColumnClause.of("product_id", Types.BIGINT), ColumnClause.of("tag_id", Types.BIGINT)),
            List.of(new String[] {"product_id", "id"}, new String[] {"tag_id", "id"}), List.of(PRODUCT, TAG));
    public static final ColumnClause<Long> PRODUCT_TAG_PRODUCT = PRODUCT_TAG.column("product_id", Long.class);
    public static final ColumnClause<Long> PRODUCT_TAG_TAG = PRODUCT_TAG.column("tag_id", Long.class);

    private Store() {
    }

    /** The CREATE TABLE statements for a backend, parents first. */
    public static List<String> ddl(Backend backend) {
        String identity = switch (backend.name()) {
            case "sqlite" -> "id INTEGER PRIMARY KEY AUTOINCREMENT";
            case "mariadb" -> "id BIGINT AUTO_INCREMENT PRIMARY KEY";
            default -> "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        };
        String text = backend.is("h2") ? "VARCHAR(1000)" : "TEXT";
        return List.of(
                "CREATE TABLE customer (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL"
                        + " UNIQUE, country VARCHAR(2), nickname VARCHAR(50))",
                "CREATE TABLE category (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, parent_id BIGINT "
                        + "REFERENCES category (id))",
                "CREATE TABLE product (id BIGINT PRIMARY KEY, sku VARCHAR(20) NOT NULL UNIQUE, name VARCHAR(100) NOT "
                        + "NULL, price NUMERIC(10, 2) NOT NULL, stock INTEGER NOT NULL, category_id BIGINT REFERENCES "
                        + "category (id))",
                "CREATE TABLE orders (" + identity + ", customer_id BIGINT NOT NULL REFERENCES customer (id), status "
                        + "VARCHAR(20) NOT NULL, note " + text + ")",
                "CREATE TABLE order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES orders (id), "
                        + "product_id BIGINT NOT NULL REFERENCES product (id), quantity INTEGER NOT NULL, unit_price "
                        + "NUMERIC(10, 2) NOT NULL)",
                "CREATE TABLE tag (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE)",
                "CREATE TABLE product_tag (product_id BIGINT NOT NULL REFERENCES product (id), tag_id BIGINT NOT NULL "
                        + "REFERENCES tag (id), PRIMARY KEY (product_id, tag_id))");
    }
}
