package io.mapper.schema;

import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.types.Types;

/** A small store schema used by the schema tests: customers, a category tree, products, orders, lines and tags. */
public final class StoreSchema {

    /** A customer's standing. */
    public enum Status { ACTIVE, SUSPENDED, CLOSED }

    public final MetaData metadata = new MetaData();

    // Defined children first on purpose: createAll must still create parents first.
    public final Table orderLine = metadata.table("order_line",
            Column.of("order_id", Types.BIGINT).primaryKey()
                    .references("purchase_order.id").onDelete(ReferentialAction.CASCADE),
            Column.of("line_no", Types.INTEGER).primaryKey(),
            Column.of("product_id", Types.BIGINT).notNull().references("product.id"),
            Column.of("quantity", Types.INTEGER).notNull().serverDefault("1"),
            CheckConstraint.of("quantity > 0").named("quantity_positive"));
    public final Table purchaseOrder = metadata.table("purchase_order",
            Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
            Column.of("customer_id", Types.BIGINT).notNull()
                    .references("customer.id").onDelete(ReferentialAction.CASCADE),
            Column.of("placed_at", Types.TIMESTAMP_WITH_TIME_ZONE).notNull());
    public final Table customer = metadata.table("customer",
            TableComment.of("People who buy"),
            Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
            Column.of("email", Types.string(100)).notNull().unique(),
            Column.of("name", Types.string(50)).notNull().index().comment("Display name"),
            Column.of("status", Types.enumOf(Status.class)).notNull().serverDefault("'ACTIVE'"));
    public final Table category = metadata.table("category",
            Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
            Column.of("parent_id", Types.BIGINT).references("category.id").onDelete(ReferentialAction.CASCADE),
            Column.of("name", Types.string(50)).notNull());
    public final Table product = metadata.table("product",
            Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
            Column.of("sku", Types.string(20)).notNull(),
            Column.of("price", Types.numeric(12, 2)).notNull(),
            Column.of("category_id", Types.BIGINT).references("category.id").onDelete(ReferentialAction.SET_NULL),
            UniqueConstraint.of("sku"),
            CheckConstraint.of("price >= 0").named("price_positive"),
            Index.on("category_id", "price"));
    public final Table tag = metadata.table("tag",
            Column.of("id", Types.INTEGER).primaryKey().autoincrement(),
            Column.of("label", Types.string(30)).notNull().unique());
    public final Table productTag = metadata.table("product_tag",
            Column.of("product_id", Types.BIGINT).notNull(),
            Column.of("tag_id", Types.INTEGER).notNull(),
            PrimaryKeyConstraint.of("product_id", "tag_id"),
            ForeignKeyConstraint.of(java.util.List.of("product_id"), "product", java.util.List.of("id"))
                    .onDelete(ReferentialAction.CASCADE),
            ForeignKeyConstraint.of("tag_id", "tag.id").onDelete(ReferentialAction.CASCADE));
}
