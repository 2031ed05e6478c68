package io.mapper.engine.reflection;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.engine.Connection;
import io.mapper.engine.Inspector;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.NoSuchTableException;
import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.schema.reflection.ReflectedCheckConstraint;
import io.mapper.schema.reflection.ReflectedColumn;
import io.mapper.schema.reflection.ReflectedForeignKey;
import io.mapper.schema.reflection.ReflectedIndex;
import io.mapper.schema.reflection.ReflectedPrimaryKey;
import io.mapper.schema.reflection.ReflectedTable;
import io.mapper.schema.reflection.ReflectedUniqueConstraint;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Feature;
import io.mapper.types.SqlType;
import io.mapper.types.Types;

class InspectorIT extends BackendTest {

    private Inspector inspector;

    @BeforeEach
    void createStore() {
        StoreSchema.create(engine(), backend);
        inspector = Inspector.of(engine());
    }

    @Test
    void listsTheTablesOfTheCurrentSchemaSorted() {
        assertThat(inspector.tableNames()).isEqualTo(StoreSchema.TABLES);
        assertThat(engine().inspect().tableNames()).isEqualTo(StoreSchema.TABLES);
        assertThat(inspector.tables()).extracting(ReflectedTable::name).isEqualTo(StoreSchema.TABLES);
        assertThat(inspector.hasTable("order_line")).isTrue();
        assertThat(inspector.hasTable("order_lines")).isFalse();
    }

    @Test
    void reflectsColumnsWithTypesNullabilityDefaultsIdentityAndComments() {
        ReflectedTable customer = inspector.table("customer");
        assertThat(customer.columns()).containsExactly(
                identityColumn(),
                column("email", varchar(), 120, null, null, Types.string(120), false, null, false,
                        commentsSupported() ? "Login e-mail" : null),
                column("name", varchar(), 100, null, null, Types.string(100), false, null, false, null),
                column("status", varchar(), 10, null, null, Types.string(10), false, stringDefault("active"), false,
                        null),
                column("note", textType(), null, null, null, Types.TEXT, true, null, false, null));
        assertThat(customer.comment()).isEqualTo(commentsSupported() ? "Registered customers" : null);

        ReflectedTable product = inspector.table("product");
        assertThat(product.columns()).containsExactly(
                // SQLite makes an INTEGER PRIMARY KEY the rowid, which it assigns itself.
                column("id", integer(), null, null, null, Types.INTEGER, false, null, backend.is("sqlite"), null),
                column("sku", varchar(), 20, null, null, Types.string(20), false, null, false, null),
                column("name", varchar(), 100, null, null, Types.string(100), false, null, false, null),
                column("price", numeric(), null, 10, 2, Types.numeric(10, 2), false, null, false, null),
                column("stock", integer(), null, null, null, Types.INTEGER, false, "0", false, null),
                column("category_id", integer(), null, null, null, Types.INTEGER, true, null, false, null));
        assertThat(product.comment()).isNull();

        assertThat(inspector.columns("order_line")).containsExactly(
                column("order_id", bigint(), null, null, null, Types.BIGINT, false, null, false, null),
                column("line_no", integer(), null, null, null, Types.INTEGER, false, null, false, null),
                column("product_id", integer(), null, null, null, Types.INTEGER, false, null, false, null),
                column("quantity", integer(), null, null, null, Types.INTEGER, false, "1", false, null));
        assertThat(inspector.table("orders").column("placed_on"))
                .isEqualTo(column("placed_on", date(), null, null, null, Types.DATE, false, null, false, null));
    }

    @Test
    void reflectsPrimaryKeysWithTheirColumnsInKeyOrder() {
        assertThat(inspector.primaryKey("order_line"))
                .contains(new ReflectedPrimaryKey(keyName("pk_order_line"), List.of("order_id", "line_no")));
        assertThat(inspector.primaryKey("product_tag"))
                .contains(new ReflectedPrimaryKey(keyName("pk_product_tag"), List.of("product_id", "tag_id")));
        assertThat(inspector.primaryKey("customer"))
                .contains(new ReflectedPrimaryKey(keyName("pk_customer"), List.of("id")));
        ReflectedPrimaryKey unnamed = inspector.table("tag").primaryKey();
        assertThat(unnamed).isNotNull();
        assertThat(unnamed.columns()).containsExactly("id");
        assertGeneratedName(unnamed.name(), "tag_pkey", "PRIMARY");
    }

    @Test
    void reflectsForeignKeysWithReferredColumnsAndActions() {
        assertThat(inspector.foreignKeys("order_line")).containsExactly(
                new ReflectedForeignKey("fk_order_line_order", List.of("order_id"), null, "orders", List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.CASCADE),
                new ReflectedForeignKey("fk_order_line_product", List.of("product_id"), null, "product",
                        List.of("id"), ReferentialAction.RESTRICT, defaultAction()));
        assertThat(inspector.foreignKeys("category")).containsExactly(
                new ReflectedForeignKey("fk_category_parent", List.of("parent_id"), null, "category", List.of("id"),
                        ReferentialAction.SET_NULL, defaultAction()));
        assertThat(inspector.foreignKeys("product")).containsExactly(
                new ReflectedForeignKey("fk_product_category", List.of("category_id"), null, "category",
                        List.of("id"), defaultAction(), defaultAction()));

        List<ReflectedForeignKey> associations = inspector.foreignKeys("product_tag");
        assertThat(associations).hasSize(2).contains(new ReflectedForeignKey("fk_product_tag_tag",
                List.of("tag_id"), null, "tag", List.of("id"), ReferentialAction.CASCADE, defaultAction()));
        ReflectedForeignKey unnamed = associations.stream()
                .filter(key -> !"fk_product_tag_tag".equals(key.name())).findFirst().orElseThrow();
        assertThat(unnamed.columns()).containsExactly("product_id");
        assertThat(unnamed.referredTable()).isEqualTo("product");
        assertThat(unnamed.referredColumns()).containsExactly("id");
        assertThat(unnamed.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertGeneratedName(unnamed.name(), "product_tag_product_id_fkey", "product_tag_ibfk_1");
    }

    @Test
    void reflectsIndexesButNotThoseBackingKeysOrConstraints() {
        assertThat(inspector.indexes("orders")).containsExactly(
                new ReflectedIndex("ix_orders_customer_placed", List.of("customer_id", "placed_on"), false));
        // MariaDB has no unique index apart from a unique constraint: it reports the index as the constraint.
        assertThat(inspector.indexes("product")).isEqualTo(backend.is("mariadb") ? List.of()
                : List.of(new ReflectedIndex("ux_product_category_name", List.of("category_id", "name"), true)));
        // The indexes databases create for primary keys, unique constraints and (MariaDB, H2) foreign keys.
        assertThat(inspector.indexes("order_line")).isEmpty();
        assertThat(inspector.indexes("product_tag")).isEmpty();
        assertThat(inspector.indexes("customer")).isEmpty();
    }

    @Test
    void reflectsUniqueConstraints() {
        assertThat(inspector.uniqueConstraints("customer"))
                .containsExactly(new ReflectedUniqueConstraint("uq_customer_email", List.of("email")));
        assertThat(inspector.uniqueConstraints("order_line")).containsExactly(
                new ReflectedUniqueConstraint("uq_order_line_product", List.of("order_id", "product_id")));
        List<ReflectedUniqueConstraint> product = inspector.uniqueConstraints("product");
        if (backend.is("mariadb")) {
            assertThat(product).containsExactly(new ReflectedUniqueConstraint("uq_product_sku", List.of("sku")),
                    new ReflectedUniqueConstraint("ux_product_category_name", List.of("category_id", "name")));
        } else {
            assertThat(product).containsExactly(new ReflectedUniqueConstraint("uq_product_sku", List.of("sku")));
        }
        List<ReflectedUniqueConstraint> tag = inspector.uniqueConstraints("tag");
        assertThat(tag).hasSize(1);
        assertThat(tag.get(0).columns()).containsExactly("name");
        assertGeneratedName(tag.get(0).name(), "tag_name_key", "name");
    }

    @Test
    void reflectsCheckConstraintsAsTheDatabaseKeepsThem() {
        assertThat(inspector.checkConstraints("order_line")).containsExactly(
                new ReflectedCheckConstraint("ck_order_line_quantity", switch (backend.name()) {
                    case "h2" -> "\"QUANTITY\" > 0";
                    case "mariadb" -> "`quantity` > 0";
                    default -> "quantity > 0";
                }));
        List<ReflectedCheckConstraint> product = inspector.checkConstraints("product");
        assertThat(product).hasSize(2);
        assertThat(product.get(0)).isEqualTo(new ReflectedCheckConstraint("ck_product_price",
                switch (backend.name()) {
                    case "h2" -> "\"PRICE\" >= CAST(0 AS NUMERIC(1))";
                    case "mariadb" -> "`price` >= 0";
                    case "postgresql" -> "price >= 0::numeric";
                    default -> "price >= 0";
                }));
        // The column-level CHECK (stock >= 0) has no name in the DDL; each database names it its own way.
        ReflectedCheckConstraint stock = product.get(1);
        assertThat(stock.sqlText()).isEqualTo(switch (backend.name()) {
            case "h2" -> "\"STOCK\" >= 0";
            case "mariadb" -> "`stock` >= 0";
            default -> "stock >= 0";
        });
        assertGeneratedName(stock.name(), "product_stock_check", "stock");
        assertThat(inspector.checkConstraints("customer")).isEmpty();
    }

    @Test
    void anUnknownTableIsReportedWithTheTablesThereAre() {
        assertThatThrownBy(() -> inspector.table("ordrs"))
                .isInstanceOf(ArgumentException.class)
                .isInstanceOfSatisfying(NoSuchTableException.class, error -> {
                    assertThat(error.tableName()).isEqualTo("ordrs");
                    assertThat(error.knownTables()).isEqualTo(StoreSchema.TABLES);
                })
                .hasMessageContaining("'ordrs'")
                .hasMessageContaining(StoreSchema.TABLES.toString());
        assertThatThrownBy(() -> inspector.table("orders").column("placed_at"))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'placed_at'")
                .hasMessageContaining("[id, customer_id, placed_on, status]");
    }

    @Test
    void anUnknownSchemaIsReportedWithTheSchemasThereAre() {
        assertThatThrownBy(() -> inspector.schema("no_such_schema").tableNames())
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'no_such_schema'")
                .hasMessageContaining("schemas are [");
    }

    @Test
    void readsAnotherSchemaByName() {
        IdentifierPreparer quoting = engine().dialect().identifierPreparer();
        // SQLite's second schema is "temp", which lives on one connection; the others get a schema of their own, with
        // a table that refers back to the current schema.
        String schema = backend.is("sqlite") ? "temp"
                : "mt_other_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        try (Connection conn = engine().connect()) {
            if (backend.is("sqlite")) {
                conn.execute(text("CREATE TEMP TABLE audit (id INTEGER PRIMARY KEY, message VARCHAR(200))"));
            } else {
                conn.execute(text((backend.is("mariadb") ? "CREATE DATABASE " : "CREATE SCHEMA ")
                        + quoting.quote(schema)));
                conn.execute(text("CREATE TABLE " + quoting.quote(schema) + ".audit (id INTEGER NOT NULL "
                        + "PRIMARY KEY, message VARCHAR(200), customer_id BIGINT, "
                        + "CONSTRAINT fk_audit_customer FOREIGN KEY (customer_id) REFERENCES "
                        + currentSchema(conn) + ".customer (id))"));
            }
            try {
                Inspector other = conn.inspect().schema(schema);
                assertThat(other.schemaName()).isEqualTo(schema);
                assertThat(other.tableNames()).containsExactly("audit");
                ReflectedTable audit = other.table("audit");
                assertThat(audit.schema()).isEqualTo(schema);
                assertThat(audit.column("message").type()).isEqualTo(Types.string(200));
                if (backend.is("sqlite")) {
                    // A temporary table cannot refer to a table of another database.
                    assertThat(audit.columnNames()).containsExactly("id", "message");
                } else {
                    assertThat(audit.columnNames()).containsExactly("id", "message", "customer_id");
                    String home = currentSchema(conn);
                    assertThat(audit.foreignKeys()).containsExactly(new ReflectedForeignKey("fk_audit_customer",
                            List.of("customer_id"), backend.is("h2") ? home.toLowerCase(Locale.ROOT) : home, "customer",
                            List.of("id"), defaultAction(), defaultAction()));
                }
                assertThatThrownBy(() -> other.table("customer")).isInstanceOf(NoSuchTableException.class)
                        .hasMessageContaining("schema '" + schema + "'").hasMessageContaining("[audit]");
                // The current schema is unaffected.
                assertThat(conn.inspect().tableNames()).isEqualTo(StoreSchema.TABLES);
            } finally {
                if (!backend.is("sqlite")) {
                    conn.execute(text((backend.is("mariadb") ? "DROP DATABASE " : "DROP SCHEMA ")
                            + quoting.quote(schema) + (backend.is("mariadb") ? "" : " CASCADE")));
                }
            }
        }
    }

    @Test
    void aDefaultFromASequenceIsADefaultNotAnIdentity() {
        requires(Feature.SEQUENCES);
        String next = switch (backend.name()) {
            case "postgresql" -> "nextval('ticket_seq')";
            case "mariadb" -> "nextval(ticket_seq)";
            default -> "NEXT VALUE FOR ticket_seq";
        };
        engine().begin(conn -> {
            conn.execute(text("CREATE SEQUENCE ticket_seq"));
            conn.execute(text("CREATE TABLE ticket (id INTEGER NOT NULL PRIMARY KEY, number BIGINT DEFAULT " + next
                    + " NOT NULL)"));
        });
        ReflectedColumn number = inspector.table("ticket").column("number");
        assertThat(number.autoincrement()).isFalse();
        assertThat(number.serverDefault()).isNotNull().containsIgnoringCase("ticket_seq");
        assertThat(inspector.tableNames()).doesNotContain("ticket_seq");
    }

    /** The schema (MariaDB: database) this test's tables live in, as the database names it. */
    private String currentSchema(Connection conn) {
        String query = switch (backend.name()) {
            case "mariadb" -> "SELECT DATABASE()";
            case "postgresql" -> "SELECT current_schema()";
            default -> "SELECT CURRENT_SCHEMA";
        };
        return conn.execute(text(query)).scalar(String.class);
    }

    @Test
    void keepsTheCaseOfQuotedNames() {
        IdentifierPreparer quoting = engine().dialect().identifierPreparer();
        engine().begin(conn -> conn.execute(text("CREATE TABLE " + quoting.quote("MixedCase") + " ("
                + quoting.quote("Id") + " INTEGER NOT NULL, plain_name VARCHAR(10))")));
        assertThat(inspector.tableNames()).contains("MixedCase");
        assertThat(inspector.table("MixedCase").columnNames()).containsExactly("Id", "plain_name");
    }

    @Test
    void anInspectorOverAConnectionReadsInsideItsTransaction() {
        try (Connection conn = engine().connect()) {
            conn.execute(text("SELECT COUNT(*) FROM customer")).all();
            ReflectedTable customer = conn.inspect().table("customer");
            assertThat(customer).isEqualTo(inspector.table("customer"));
            assertThat(conn.inTransaction()).isTrue();
            assertThat(conn.execute(text("SELECT COUNT(*) FROM customer")).scalar(Long.class)).isZero();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What each database reports for the same DDL.

    private static ReflectedColumn column(String name, String typeName, @Nullable Integer length,
            @Nullable Integer precision, @Nullable Integer scale, @Nullable SqlType<?> type, boolean nullable,
            @Nullable String serverDefault, boolean autoincrement, @Nullable String comment) {
        return new ReflectedColumn(name, typeName, length, precision, scale, type, nullable, serverDefault,
                autoincrement, comment);
    }

    /** The generated key column: SQLite's AUTOINCREMENT needs INTEGER PRIMARY KEY, the others are BIGINT. */
    private ReflectedColumn identityColumn() {
        return backend.is("sqlite")
                ? column("id", integer(), null, null, null, Types.INTEGER, false, null, true, null)
                : column("id", bigint(), null, null, null, Types.BIGINT, false, null, true, null);
    }

    private String integer() {
        return typeName("INTEGER", "int4", "int");
    }

    private String bigint() {
        return typeName("BIGINT", "int8", "bigint");
    }

    private String varchar() {
        return backend.is("h2") ? "CHARACTER VARYING" : typeName("VARCHAR", "varchar", "varchar");
    }

    private String numeric() {
        return typeName("NUMERIC", "numeric", "decimal");
    }

    private String textType() {
        // H2 2.x has no TEXT type of its own: it reads TEXT as an unbounded CHARACTER VARYING.
        return backend.is("h2") ? "CHARACTER VARYING" : typeName("TEXT", "text", "text");
    }

    private String date() {
        return typeName("DATE", "date", "date");
    }

    /** The type name on H2 and SQLite (as declared), PostgreSQL ({@code pg_type}) and MariaDB. */
    private String typeName(String standard, String postgres, String mariadb) {
        return switch (backend.name()) {
            case "postgresql" -> postgres;
            case "mariadb" -> mariadb;
            default -> standard;
        };
    }

    private String stringDefault(String value) {
        return backend.is("postgresql") ? "'" + value + "'::character varying" : "'" + value + "'";
    }

    private boolean commentsSupported() {
        return !backend.is("sqlite");
    }

    /** MariaDB names every primary key PRIMARY. */
    private String keyName(String declared) {
        return backend.is("mariadb") ? "PRIMARY" : declared;
    }

    /** An unspecified ON DELETE / ON UPDATE: MariaDB reports RESTRICT, the others NO ACTION. */
    private ReferentialAction defaultAction() {
        return backend.is("mariadb") ? ReferentialAction.RESTRICT : ReferentialAction.NO_ACTION;
    }

    /** The name a database gives a constraint declared without one; SQLite keeps none. */
    private void assertGeneratedName(@Nullable String name, String postgres, String mariadb) {
        switch (backend.name()) {
            case "sqlite" -> assertThat(name).isNull();
            case "h2" -> assertThat(name).matches("constraint_[0-9a-f]+");
            case "postgresql" -> assertThat(name).isEqualTo(postgres);
            default -> assertThat(name).isEqualTo(mariadb);
        }
    }
}
