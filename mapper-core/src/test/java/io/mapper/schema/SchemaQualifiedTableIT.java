package io.mapper.schema;

import static io.mapper.sql.Sql.delete;
import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.text;
import static io.mapper.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.engine.Inspector;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Issue 14: a table in a named schema (a database on MariaDB, the attached database {@code main} on SQLite) is
 * created there, written, queried, checked for and dropped there, not in the connection's default schema.
 */
class SchemaQualifiedTableIT extends BackendTest {

    private String schema;

    @BeforeEach
    void createSchema() {
        schema = switch (backend.name()) {
            // SQLite's schemas are attached databases; "main" is always there.
            case "sqlite" -> "main";
            default -> "arch_" + UUID.randomUUID().toString().substring(0, 8);
        };
        String ddl = switch (backend.name()) {
            case "sqlite" -> null;
            case "mariadb" -> "CREATE DATABASE " + schema;
            default -> "CREATE SCHEMA " + schema;
        };
        if (ddl != null) {
            engine().begin(conn -> conn.execute(text(ddl)));
        }
    }

    @AfterEach
    void dropSchema() {
        String ddl = switch (backend.name()) {
            case "sqlite" -> null;
            case "mariadb" -> "DROP DATABASE IF EXISTS " + schema;
            case "postgresql" -> "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
            default -> "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
        };
        if (ddl != null) {
            engine().begin(conn -> conn.execute(text(ddl)));
        }
    }

    @Test
    void aTableInANamedSchemaLivesThere() {
        MetaData metadata = new MetaData();
        Table orders = metadata.table(schema, "orders", Column.of("id", Types.INTEGER).primaryKey(),
                Column.of("status", Types.string(10)).index());
        assertThat(orders.schema()).isEqualTo(schema);
        assertThat(metadata.table(schema + ".orders")).isSameAs(orders);
        metadata.createAll(engine());
        metadata.createAll(engine());                      // checkFirst finds it in its schema
        assertThat(recorder.sql()).anySatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE " + schema + ".orders"));
        if (!backend.is("sqlite")) {
            assertThat(Inspector.of(engine()).schema(schema).tableNames()).containsExactly("orders");
            assertThat(Inspector.of(engine()).tableNames()).doesNotContain("orders");
        }
        engine().begin(conn -> {
            conn.execute(insert(orders).values(Map.of("id", 1, "status", "new")));
            conn.execute(update(orders).set(orders.column("status"), "paid").where(orders.column("id").eq(1)));
        });
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(orders.column("status", String.class)).from(orders)).scalar())
                    .isEqualTo("paid");
        }
        engine().begin(conn -> conn.execute(delete(orders).where(orders.column("id").eq(1))));
        metadata.dropAll(engine());
        if (!backend.is("sqlite")) {
            assertThat(Inspector.of(engine()).schema(schema).tableNames()).isEmpty();
        }
    }
}
