package io.mapper.types;

import static io.mapper.sql.Sql.count;
import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.dialect.DialectResolver;
import io.mapper.dialect.sqlite.SqliteDialect;
import io.mapper.dialect.sqlite.SqliteTemporalStorage;
import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.sql.Condition;
import io.mapper.testing.BackendTest;

/**
 * Issue 14: dates, times and timestamps written as ISO text by hand (as data loaded from elsewhere is, and as SQLite's
 * own CURRENT_TIMESTAMP writes them) compare correctly with values bound by mapper, and read back, on every backend.
 */
class TemporalTextDataIT extends BackendTest {

    private final MetaData metadata = new MetaData();
    private final Table events = metadata.table("events", Column.of("id", Types.INTEGER).primaryKey(),
            Column.of("on_day", Types.DATE), Column.of("at_time", Types.TIME), Column.of("ts", Types.TIMESTAMP));

    @BeforeEach
    void fill() {
        metadata.createAll(engine());
        engine().begin(conn -> {
            conn.execute(text("INSERT INTO events (id, on_day, at_time, ts) VALUES "
                    + "(1, '2024-03-01', '08:30:00', '2024-03-01 08:30:00'), "
                    + "(2, '2024-03-02', '09:00:00', '2024-03-02 09:00:00')"));
            conn.execute(insert(events).values(Map.of("id", 3, "on_day", LocalDate.of(2024, 3, 3), "at_time",
                    LocalTime.of(9, 0, 0, 500_000_000), "ts", LocalDateTime.of(2024, 3, 2, 9, 0, 0, 500_000_000))));
        });
    }

    private long countWhere(Condition condition) {
        try (Connection conn = engine().connect()) {
            return ((Number) conn.execute(select(count()).from(events).where(condition)).scalar()).longValue();
        }
    }

    @Test
    void boundValuesFindTextDataByEqualityAndRange() {
        Column<?> ts = events.column("ts");
        assertThat(countWhere(ts.eq(LocalDateTime.of(2024, 3, 1, 8, 30)))).isEqualTo(1);
        assertThat(countWhere(ts.gt(LocalDateTime.of(2024, 3, 2, 9, 0)))).isEqualTo(1);
        assertThat(countWhere(ts.ge(LocalDateTime.of(2024, 3, 2, 9, 0)))).isEqualTo(2);
        assertThat(countWhere(ts.lt(LocalDateTime.of(2024, 3, 2, 9, 0, 0, 500_000_000)))).isEqualTo(2);
        assertThat(countWhere(events.column("at_time").eq(LocalTime.of(8, 30)))).isEqualTo(1);
        assertThat(countWhere(events.column("at_time").gt(LocalTime.of(9, 0)))).isEqualTo(1);
        assertThat(countWhere(events.column("on_day").between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2))))
                .isEqualTo(2);
    }

    @Test
    void textAndBoundValuesReadBackAlike() {
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(events.column("ts", LocalDateTime.class)).from(events)
                    .orderBy(events.column("id"))).scalars(LocalDateTime.class).all()).containsExactly(
                            LocalDateTime.of(2024, 3, 1, 8, 30), LocalDateTime.of(2024, 3, 2, 9, 0),
                            LocalDateTime.of(2024, 3, 2, 9, 0, 0, 500_000_000));
        }
    }

    @Test
    void theDatabasesCurrentTimestampComparesWithBoundValues() {
        engine().begin(conn -> conn.execute(text("INSERT INTO events (id, ts) VALUES (4, CURRENT_TIMESTAMP)")));
        // CURRENT_TIMESTAMP is local time on some databases and UTC on SQLite: a day either way covers both.
        LocalDateTime now = LocalDateTime.now();
        assertThat(countWhere(allOf(events.column("id").eq(4), events.column("ts").gt(now.minusDays(1)),
                events.column("ts").lt(now.plusDays(1))))).isEqualTo(1);
    }

    @Test
    void nowIsStoredInTheFormThatBoundValuesCompareWith() {
        engine().begin(conn -> conn.execute(insert(events).values(Map.of("id", 6, "ts", io.mapper.sql.Sql.now()))));
        try (Connection conn = engine().connect()) {
            LocalDateTime stored = conn.execute(select(events.column("ts", LocalDateTime.class)).from(events)
                    .where(events.column("id").eq(6))).scalar(LocalDateTime.class);
            assertThat(countWhere(allOf(events.column("id").eq(6), events.column("ts").eq(stored)))).isEqualTo(1);
        }
    }

    @Test
    void sqliteStoresTheDocumentedTextAndCanBeToldToKeepFixedMicroseconds() {
        assumeTrue(backend.is("sqlite"), "SQLite's text storage of temporals");
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT ts, at_time FROM events WHERE id = 3")).one().values())
                    .containsExactly("2024-03-02 09:00:00.5", "09:00:00.5");
        }
        Engine fixed = Engine.builder(database().url()).dialectResolver(new DialectResolver(
                List.of(SqliteDialect.provider(SqliteTemporalStorage.MICROSECONDS)))).build();
        try {
            fixed.begin(conn -> conn.execute(insert(events).values(Map.of("id", 5,
                    "ts", LocalDateTime.of(2024, 3, 5, 7, 0)))));
            try (Connection conn = fixed.connect()) {
                assertThat(conn.execute(text("SELECT ts FROM events WHERE id = 5")).scalar())
                        .isEqualTo("2024-03-05 07:00:00.000000");
                assertThat(conn.execute(select(count()).from(events)
                        .where(events.column("ts").eq(LocalDateTime.of(2024, 3, 5, 7, 0)))).scalar(Long.class))
                        .isEqualTo(1L);
                assertThat(conn.execute(select(events.column("ts", LocalDateTime.class)).from(events)
                        .where(events.column("id").eq(5))).scalar()).isEqualTo(LocalDateTime.of(2024, 3, 5, 7, 0));
            }
        } finally {
            fixed.dispose();
        }
    }

    private static Condition allOf(Condition... conditions) {
        return io.mapper.sql.Sql.and(conditions);
    }
}
