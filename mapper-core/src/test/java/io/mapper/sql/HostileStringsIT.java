package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.mapper.engine.Connection;
import io.mapper.engine.Row;
import io.mapper.exception.DataException;
import io.mapper.exception.UnstorableValueException;

/**
 * No value reaches the SQL text: strings full of SQL syntax and LIKE wildcards go through every DML and WHERE form
 * and come back stored and matched literally.
 */
class HostileStringsIT extends StoreTest {

    static List<String> hostile() {
        return List.of("Robert'); DROP TABLE customer; --", "it''s \"quoted\"", "back\\slash\\", "semi;colon -- x",
                "100% _real_ /slash/ [range]", "nul\u0000byte", ":name_1 ? $1 %s", "' OR '1'='1",
                "Zoë Ångström 東京 😀 ünïcödé");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileStringsAreStoredAndMatchedLiterally(String value) {
        String stored = value;
        try (Connection conn = engine().connect()) {
            if (value.indexOf('\u0000') >= 0) {
                // PostgreSQL's text types cannot hold NUL, and the others may cut text at it: on every backend the
                // bound value is refused as data before it is sent (UnstorableValueException), never run as SQL.
                long before = conn.execute(select(count()).from(ORDERS)).scalar(Long.class);
                assertThatThrownBy(() -> conn.execute(insert(ORDERS).values(Map.of("customer_id", 4L, "status",
                        "hostile", "note", value)))).isInstanceOf(DataException.class)
                        .isInstanceOf(UnstorableValueException.class).hasMessageContaining("column \"note\"");
                assertThat(conn.execute(select(count()).from(ORDERS)).scalar(Long.class)).isEqualTo(before);
                return;
            }
            conn.execute(insert(ORDERS).values(Map.of("customer_id", 4L, "status", "hostile", "note", stored)));
            conn.execute(insert(TAG).values(List.of(Map.of("id", 20L, "name", stored.substring(0, Math.min(50,
                    stored.length()))))));
            List<Condition> matches = new ArrayList<>(List.of(ORDERS_NOTE.eq(stored), ORDERS_NOTE.in(stored, "x"),
                    ORDERS_NOTE.contains(stored), ORDERS_NOTE.startsWith(stored), ORDERS_NOTE.endsWith(stored),
                    ORDERS_NOTE.between(stored, stored), ORDERS_NOTE.ne(stored).not(),
                    coalesce(ORDERS_NOTE, "").eq(stored)));
            for (Condition match : matches) {
                List<Row> rows = conn.execute(select(ORDERS_NOTE).where(match)).all();
                assertThat(rows).as("%s", match).hasSize(1);
                assertThat(rows.get(0).get(ORDERS_NOTE)).isEqualTo(stored);
            }
            // Wildcards in the text match only themselves: a note with other characters in their place is not found.
            String similar = stored.replace("%", "X").replace("_", "Y").replace("/", "Z");
            if (!similar.equals(stored)) {
                conn.execute(insert(ORDERS).values(Map.of("customer_id", 4L, "status", "similar", "note", similar)));
                assertThat(conn.execute(select(count()).where(ORDERS_NOTE.contains(stored))).scalar(Long.class))
                        .isEqualTo(1L);
            }

            assertThat(conn.execute(update(ORDERS).set(ORDERS_STATUS, stored.substring(0, Math.min(20,
                    stored.length()))).where(ORDERS_NOTE.eq(stored))).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(ORDERS_STATUS).where(ORDERS_NOTE.eq(stored))).one().get(ORDERS_STATUS))
                    .isEqualTo(stored.substring(0, Math.min(20, stored.length())));
            assertThat(conn.execute(select(TAG_NAME).where(TAG_ID.eq(20L))).one().get(TAG_NAME))
                    .isEqualTo(stored.substring(0, Math.min(50, stored.length())));
            assertThat(conn.execute(delete(ORDERS).where(ORDERS_NOTE.eq(stored))).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(count()).from(CUSTOMER)).scalar(Long.class)).isEqualTo(4L);
            assertThat(conn.execute(select(count()).from(ORDERS)).scalar(Long.class))
                    .isEqualTo(similar.equals(stored) ? 3L : 4L);
            conn.commit();
        }
    }
}
