package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.engine.CompiledCacheStats;
import io.mapper.engine.Connection;
import io.mapper.engine.Engine;

class CompiledCacheIT extends StoreTest {

    @Test
    void equalStructuresShareOneCompiledStatementWhateverTheirValues() {
        CompiledCacheStats before = engine().compiledCacheStats();
        try (Connection conn = engine().connect()) {
            for (String country : List.of("DE", "US", "FR")) {
                conn.execute(select(CUSTOMER_NAME).where(CUSTOMER_COUNTRY.eq(country)).limit(5)).all();
            }
            conn.execute(select(CUSTOMER_NAME).where(CUSTOMER_COUNTRY.eq("DE"), CUSTOMER_ID.gt(0L))).all();
            conn.execute(text("SELECT 1")).all();
        }
        CompiledCacheStats after = engine().compiledCacheStats();
        assertThat(after.misses() - before.misses()).isEqualTo(2);
        assertThat(after.hits() - before.hits()).isEqualTo(2);
        assertThat(after.size()).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(after.maximumSize());
    }

    @Test
    void statementsSharingOneParameterObjectDoNotReuseTheFormOfStatementsThatDoNot() {
        Expression<Long> five = literal(5L, io.mapper.types.Types.BIGINT);
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(five.label("a"), five.label("b"))).one().values()).containsExactly(5L, 5L);
            assertThat(conn.execute(select(literal(5L, io.mapper.types.Types.BIGINT).label("a"),
                    literal(6L, io.mapper.types.Types.BIGINT).label("b"))).one().values()).containsExactly(5L, 6L);
        }
    }

    @Test
    void theConnectionRunsTheDialectsSql() {
        Select page = select(TAG_NAME).where(TAG_NAME.ilike("%E%")).orderBy(TAG_ID).offset(1);
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(page).all()).extracting(r -> r.get(TAG_NAME)).containsExactly("sale");
        }
        assertThat(recorder.sql()).last().isEqualTo(page.compile(engine().dialect()).sql());
    }

    @Test
    void theCacheIsBoundedAndCanBeSwitchedOff() {
        try (Engine small = database().newEngine().compiledCacheSize(2).build();
                Connection conn = small.connect()) {
            for (int i = 0; i < 5; i++) {
                // Each number of conditions is its own structure.
                Select select = select(CUSTOMER_NAME);
                for (int c = 0; c <= i; c++) {
                    select = select.where(CUSTOMER_ID.gt(0L));
                }
                conn.execute(select).all();
            }
            conn.execute(select(CUSTOMER_NAME).where(CUSTOMER_ID.gt(0L))).all();
            CompiledCacheStats stats = small.compiledCacheStats();
            assertThat(stats.size()).isEqualTo(2);
            assertThat(stats.maximumSize()).isEqualTo(2);
            assertThat(stats.misses()).isEqualTo(6);
            assertThat(stats.hits()).isZero();
        }
    }
}
