package io.mapper.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.mapper.benchmarks.jmh.JmhRunner;
import io.mapper.benchmarks.jmh.OperationBenchmark;

/**
 * Runs every workload of every competitor once, at a tiny size, on every database that is available (H2 and
 * SQLite always, PostgreSQL when {@code MAPPER_TEST_POSTGRESQL_URL} is set): proves the benchmark code works. Each
 * run is checked by the harness (the number of rows, keys, selects or parents it handled must be the workload's
 * size; every per-operation result is checked; the rows written are counted; flushes are read back), and every
 * JMH benchmark's operation is run once outside JMH and its result checked. It measures nothing and times nothing.
 */
class BenchmarkSuiteTest {

    static List<Database> databases() {
        List<Database> available = new ArrayList<>();
        for (Database database : Database.values()) {
            if (database.unavailableReason() == null) {
                available.add(database);
            }
        }
        return available;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyWorkloadRunsForEveryCompetitorAndTheReportHasTheirRows(Database database, @TempDir Path directory)
            throws Exception {
        BenchmarkMain.quietLibraries();
        Report report = new Report(Profile.TINY);
        BenchmarkMain.runDatabase(database, Profile.TINY, List.of(WorkloadId.values()), "", report);
        Path output = directory.resolve("benchmarks.md");
        report.write(output);
        String markdown = Files.readString(output);

        for (WorkloadId workload : WorkloadId.values()) {
            assertThat(markdown).contains("### " + workload.label() + ": ");
        }
        assertThat(markdown).contains("| raw JDBC | 1.00 (", "| mapper ORM |", "| mapper Core |",
                "| mapper Core rows |", "| mapper ORM projections |", "| mapper ORM entities |", "| JdbcTemplate |",
                "| Hibernate |", "| Hibernate entities |", "| jOOQ |", "| MyBatis |");
        assertThat(markdown).contains("## Targets of issue 13", "| W4 | Core | <= 1.30 |",
                "| W6-selectin | ORM selectInLoad | <= 2.00 |", "allocation per row <= 2 x best peer's",
                database.title());
        assertThat(markdown).contains(Report.CHANGES_HEADING, "## Peer comparison", "## Spreads", "## Flush scaling",
                "| 50 | raw JDBC ", "mapper ORM ", "mapper / Hibernate ");
        assertThat(markdown).doesNotContain("not run");
        // The W1-keys-given contenders of every library ran (the harness counted their rows).
        assertThat(markdown).containsPattern("### W1-keys-given[^#]*\\| mapper ORM \\|[^#]*\\| MyBatis \\|");
    }

    static List<Object[]> operations() {
        List<Object[]> cases = new ArrayList<>();
        for (Database database : databases()) {
            for (String workload : List.of("W4", "W4b", "W5")) {
                cases.add(new Object[] {database, workload});
            }
        }
        return cases;
    }

    /**
     * Each JMH benchmark's operation, run outside JMH as a fork would run it: set-up, one pass and into the next
     * (a new connection or session for W4b), each result checked, then tear-down.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void everyJmhOperationReturnsTheRowItReadOrTheKeyItGot(Database database, String workload) throws Exception {
        for (String contender : JmhRunner.contenders("", WorkloadId.labelled(workload))) {
            OperationBenchmark benchmark = new OperationBenchmark();
            benchmark.workload = workload;
            benchmark.database = database.name().toLowerCase(Locale.ROOT);
            benchmark.contender = contender;
            benchmark.profile = "tiny";
            benchmark.setUp();
            try {
                benchmark.startIteration();
                int operations = Profile.TINY.shortOperations() + 2;
                Set<Object> keys = new HashSet<>();
                for (int i = 0; i < operations; i++) {
                    int index = benchmark.nextIndex();
                    assertThat(index).isEqualTo(i % Profile.TINY.shortOperations());
                    Object result = benchmark.operation();
                    Checks.operation(benchmark.workloadId(), benchmark.fixture(), index, result);
                    keys.add(result);
                }
                benchmark.endIteration();
                if (benchmark.workloadId() == WorkloadId.W5_SINGLE_INSERT) {
                    assertThat(keys).as(contender + ": a new key per insert").hasSize(operations);
                    assertThat(benchmark.fixture().count("bench_insert")).isEqualTo(operations);
                }
            } finally {
                benchmark.tearDown();
            }
        }
    }

    @Test
    void jmhListsTheOperationBenchmarkWithItsParameters() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
            assertThat(in).as("JMH's annotation processor ran").isNotNull();
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list).contains(OperationBenchmark.class.getName(), "operation", "contender", "database",
                    "workload");
        }
        assertThat(JmhRunner.plan(Profile.FULL, List.of(Database.H2, Database.SQLITE, Database.POSTGRESQL),
                List.of(WorkloadId.W4_PK_SELECT, WorkloadId.W4B_SHORT_QUERY, WorkloadId.W5_SINGLE_INSERT), ""))
                .startsWith("138 forks of 4 warm-up + 5 measured iterations");
        assertThat(JmhRunner.plan(Profile.QUICK, List.of(Database.H2), List.of(WorkloadId.W4_PK_SELECT),
                "mapper,Hibernate")).startsWith("6 forks");
    }

    @Test
    void everyContenderOfThePerOperationWorkloadsHasAJmhSlug() throws Exception {
        Fixture fixture = new Fixture(Database.H2, Profile.TINY);
        for (BenchmarkMain.Kind kind : BenchmarkMain.COMPETITORS) {
            try (Competitor competitor = kind.factory().apply(fixture)) {
                for (WorkloadId workload : WorkloadId.values()) {
                    for (Contender contender : competitor.contenders().getOrDefault(workload, List.of())) {
                        assertThat(contender.operations() != null).as(contender.label() + " " + workload.label())
                                .isEqualTo(workload.isPerOperation());
                        if (workload.isPerOperation()) {
                            assertThat(JmhRunner.CONTENDERS).contains(contender.slug());
                        }
                    }
                }
            }
        }
    }

    /**
     * The harness's rounds, without a database: warm-up and measured rounds stay within the profile's bounds, the
     * measurement is the last window of rounds, and each ratio is taken against raw JDBC's run of the same round.
     */
    @Test
    void theHarnessWarmsUpThenKeepsTheLastWindowOfMeasuredRounds() throws Exception {
        Profile profile = new Profile("test", 40, 100, 10, 5, List.of(10, 20, 50), new Profile.Rounds(2, 4, 3, 5),
                Profile.TINY.jmh());
        Harness harness = new Harness(new Fixture(Database.H2, profile));
        int[] runs = new int[2];
        Contender reference = Contender.of(Contender.RAW_JDBC, "", () -> {
            runs[0]++;
            return 40;
        });
        Contender other = Contender.of("mapper", "Core", () -> {
            runs[1]++;
            return 40;
        });
        List<Harness.Measurement> measurements = harness.run(WorkloadId.W2_BULK_UPDATE, List.of(reference, other));

        assertThat(measurements).extracting(m -> m.contender().label()).containsExactly("raw JDBC", "mapper Core");
        Harness.Measurement first = measurements.get(0);
        assertThat(first.warmupRounds()).isBetween(2, 4);
        assertThat(first.measuredRounds()).isBetween(3, 5);
        assertThat(runs[0]).isEqualTo(first.warmupRounds() + first.measuredRounds()).isEqualTo(runs[1]);
        for (Harness.Measurement m : measurements) {
            assertThat(m.nanos()).hasSize(3);
            assertThat(m.ratios()).hasSize(3);
            assertThat(m.allocatedBytes()).hasSize(3);
        }
        assertThat(first.ratios()).containsOnly(1.0);
        for (int round = 0; round < 3; round++) {
            assertThat(measurements.get(1).ratios().get(round))
                    .isEqualTo((double) measurements.get(1).nanos().get(round) / first.nanos().get(round));
        }
    }

    /**
     * A contender whose run is shorter than the profile's minimum sample runs again within the round, and the round
     * records the mean of its runs; a contender whose run is long enough runs once.
     */
    @Test
    void aShortRunIsRepeatedWithinTheRoundAndItsMeanRecorded() throws Exception {
        Profile profile = new Profile("test", 40, 100, 10, 5, List.of(10, 20, 50),
                new Profile.Rounds(0, 0, 1, 1, 40), Profile.TINY.jmh());
        Harness harness = new Harness(new Fixture(Database.H2, profile));
        int[] runs = new int[2];
        Contender reference = Contender.of(Contender.RAW_JDBC, "", () -> {
            runs[0]++;
            Thread.sleep(60);
            return 40;
        });
        Contender quick = Contender.of("mapper", "Core", () -> {
            runs[1]++;
            Thread.sleep(2);
            return 40;
        });
        List<Harness.Measurement> measurements = harness.run(WorkloadId.W2_BULK_UPDATE, List.of(reference, quick));

        assertThat(runs[0]).isEqualTo(1);
        assertThat(runs[1]).isGreaterThan(1);
        // The mean of the short runs: each slept 2 ms, none took the 40 ms the round asked for in all.
        assertThat(measurements.get(1).nanos().get(0)).isBetween(2_000_000L, 40_000_000L);
        assertThat(measurements.get(0).nanos().get(0)).isGreaterThanOrEqualTo(60_000_000L);
    }

    @Test
    void aRunThatHandlesTooFewUnitsFailsTheWorkload() {
        Profile profile = new Profile("test", 40, 100, 10, 5, List.of(10, 20, 50), new Profile.Rounds(0, 0, 1, 1),
                Profile.TINY.jmh());
        Harness harness = new Harness(new Fixture(Database.H2, profile));
        Contender reference = Contender.of(Contender.RAW_JDBC, "", () -> 40);
        Contender lazy = Contender.of("mapper", "Core", () -> 39);
        assertThatThrownBy(() -> harness.run(WorkloadId.W2_BULK_UPDATE, List.of(reference, lazy)))
                .hasMessageContaining("mapper Core").hasMessageContaining("handled 39 rows, expected 40");
    }

    @Test
    void targetsAreJudgedOnTheMedianRatio() {
        assertThat(Report.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Report.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }

    @Test
    void aSpreadAboveTheLimitIsFlagged() {
        assertThat(Harness.spreadOf(List.of(1.0, 1.2, 1.1))).isEqualTo(1.2);
        assertThat(Report.spread(1.2)).isEqualTo("spread 1.20");
        assertThat(Report.spread(1.3)).isEqualTo("**spread 1.30 !**");
    }

    @Test
    void aJmhCellIsTheRatioToRawJdbcWithItsErrorTimeSpreadAndAllocation() {
        JmhRunner.Score raw = new JmhRunner.Score(WorkloadId.W4_PK_SELECT, Database.H2, "raw", 10, 10, 0.3, 9.8, 10.4,
                1200, 5);
        JmhRunner.Score orm = new JmhRunner.Score(WorkloadId.W4_PK_SELECT, Database.H2, "mapper-orm", 20, 21, 0.8, 19,
                25, 4096, 5);
        assertThat(Report.jmhCell(orm, raw)).isEqualTo("2.10 (mean 2.00 ± 0.10; 20.0 ± 0.8 µs, **spread 1.32 !**) · 4.0 KB");

        Report report = new Report(Profile.TINY);
        report.addJmh(List.of(orm, raw));
        String markdown = report.render();
        assertThat(markdown).contains("## Results (JMH, per operation)", "| raw JDBC | 1.00 (mean 1.00 ± 0.04",
                "| W4 | ORM | <= 2.00 | 2.10 **missed** (spread!) |", "| W4 | Core | <= 1.30 | not run |");
        assertThat(markdown.indexOf("| raw JDBC | 1.00")).isLessThan(markdown.indexOf("| mapper ORM | 2.10"));
    }

    @Test
    void theChangesSectionComesFromTheNotesAndMustBeThere(@TempDir Path directory) throws Exception {
        Report report = new Report(Profile.TINY);
        assertThat(report.changesSection()).isNotBlank();
        Path notes = directory.resolve("notes.md");
        Files.writeString(notes, "## How the suite measures\n\nrounds\n\n" + Report.CHANGES_HEADING
                + "\n\n| change | before | after |\n\n## Other\n\ntext\n");
        report.notesFile(notes);
        assertThat(report.changesSection().strip()).isEqualTo("| change | before | after |");
        String markdown = report.render();
        assertThat(markdown.indexOf(Report.CHANGES_HEADING)).isLessThan(markdown.indexOf("## How the suite"));
        assertThat(markdown).containsOnlyOnce(Report.CHANGES_HEADING).contains("## Other\n\ntext");

        Files.writeString(notes, "## How the suite measures\n\nrounds\n");
        assertThatThrownBy(report::render).hasMessageContaining(Report.CHANGES_HEADING);
    }
}
