package io.mapper.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every workload of every competitor once, at a tiny size, on H2: proves the benchmark code works (each run
 * is checked by the harness: the number of rows, keys, selects or parents it handled must be the workload's size).
 * It measures nothing.
 */
class BenchmarkSuiteTest {

    @Test
    void everyWorkloadRunsForEveryCompetitorAndTheReportHasTheirRows(@TempDir Path directory) throws Exception {
        BenchmarkMain.quietLibraries();
        Report report = new Report(Profile.TINY);
        BenchmarkMain.runDatabase(Database.H2, Profile.TINY, "", "", report);
        Path output = directory.resolve("benchmarks.md");
        report.write(output);
        String markdown = Files.readString(output);

        for (WorkloadId workload : WorkloadId.values()) {
            assertThat(markdown).contains("### " + workload.label() + ": ");
        }
        assertThat(markdown).contains("| raw JDBC | 1.00 (", "| mapper ORM |", "| mapper Core |",
                "| mapper Core rows |", "| mapper ORM projections |", "| mapper ORM entities |", "| JdbcTemplate |",
                "| Hibernate |", "| Hibernate entities |", "| jOOQ |", "| MyBatis |");
        assertThat(markdown).contains("## Targets of issue 8", "| W4 | Core | <= 1.30 |", "H2 (in memory)");
        assertThat(markdown).doesNotContain("not run");
    }

    @Test
    void targetsAreJudgedOnTheMedianRatio() {
        assertThat(Report.median(java.util.List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Report.median(java.util.List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
