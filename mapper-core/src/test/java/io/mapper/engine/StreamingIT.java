package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;

import org.junit.jupiter.api.Test;

import io.mapper.testing.BackendTest;

/** A million rows read through {@code iterator()} must not be held in memory at once. */
class StreamingIT extends BackendTest {

    private static final int ROWS = 1_000_000;
    private static final long MAX_GROWTH_BYTES = 48L * 1024 * 1024;

    private String millionRows() {
        return switch (backend.name()) {
            case "postgresql" -> "SELECT n, 'payload-' || n AS payload FROM generate_series(1, " + ROWS + ") AS n";
            case "mariadb" -> "SELECT seq AS n, CONCAT('payload-', seq) AS payload FROM seq_1_to_" + ROWS;
            case "h2" -> "SELECT X AS n, 'payload-' || X AS payload FROM SYSTEM_RANGE(1, " + ROWS + ")";
            default -> "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + ROWS
                    + ") SELECT n, 'payload-' || n AS payload FROM seq";
        };
    }

    @Test
    void iteratingAMillionRowsRunsInBoundedMemory() {
        long baseline = usedHeapAfterGc();
        long maxGrowth = 0;
        long count = 0;
        long sum = 0;
        try (Connection conn = engine().connect()) {
            Result<Row> result = conn.execute(text(millionRows()));
            Iterator<Row> rows = result.iterator();
            while (rows.hasNext()) {
                Row row = rows.next();
                count++;
                sum += row.get(0, Long.class);
                if (count % 200_000 == 0) {
                    assertThat(row.get("payload", String.class)).isEqualTo("payload-" + count);
                    maxGrowth = Math.max(maxGrowth, usedHeapAfterGc() - baseline);
                }
            }
            assertThat(result.isClosed()).isTrue();
        }
        assertThat(count).isEqualTo(ROWS);
        assertThat(sum).isEqualTo((long) ROWS * (ROWS + 1) / 2);
        // Materialised, a million rows take well over 100 MB here; streamed, only the fetch buffer is live.
        assertThat(maxGrowth).as("heap growth while iterating, in bytes").isLessThan(MAX_GROWTH_BYTES);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
