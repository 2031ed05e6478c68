package io.mapper.docs;

import static io.mapper.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.engine.Row;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/** The README's "Schema and the expression language" section, run as written on every backend. */
class ReadmeSchemaTourIT extends BackendTest {

    @Test
    void schemaTourRunsAsWritten() {
        Engine engine = engine();
        // ---- from README.md ----
        MetaData metadata = new MetaData();
        Table users = metadata.table("user_account",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("name", Types.string(30)).notNull().unique(),
                Column.of("fullname", Types.TEXT));
        Table addresses = metadata.table("address",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("user_id", Types.BIGINT).notNull().references("user_account.id")
                        .onDelete(ReferentialAction.CASCADE),
                Column.of("email", Types.string(100)).notNull());
        metadata.createAll(engine);                                   // FK-ordered DDL, only the missing tables

        Column<String> name = users.column("name", String.class);
        Column<Long> userId = users.column("id", Long.class);
        try (Connection conn = engine.begin()) {
            conn.execute(insert(users).values(Map.of("name", "sandy", "fullname", "Sandy Cheeks")));
            long sandyId = conn.execute(select(userId).where(name.eq("sandy"))).scalar(Long.class);
            conn.execute(insert(addresses).values(Map.of("user_id", sandyId, "email", "sandy@example.com")));
            List<Row> rows = conn.execute(select(users.column("fullname"), addresses.column("email"))
                    .from(users).join(addresses)                          // ON inferred from the foreign key
                    .where(name.in("sandy", "patrick"), addresses.column("email").endsWith("@example.com"))
                    .orderBy(name.desc())
                    .limit(10)).all();
            assertThat(rows).singleElement().satisfies(row -> {           // (not in the README)
                assertThat(row.get(0)).isEqualTo("Sandy Cheeks");
                assertThat(row.get(1)).isEqualTo("sandy@example.com");
            });
            System.out.println(select(users).where(name.eq("sandy")));  // SELECT ... WHERE user_account.name = :name_1
            assertThat(select(users).where(name.eq("sandy")).toString())  // (not in the README)
                    .endsWith("WHERE user_account.name = :name_1");
            conn.commit();
        }
        MetaData live = new MetaData();
        live.reflect(engine);                                         // tables, columns, keys, indexes read back
        // ---- end of the README excerpt ----
        assertThat(live.tables()).extracting(Table::name).contains("user_account", "address");
        assertThat(live.table("address").foreignKeys()).hasSize(1);
    }
}
