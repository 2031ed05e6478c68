package io.mapper.benchmarks.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.mapper.benchmarks.BenchmarkMain;
import io.mapper.benchmarks.Database;
import io.mapper.benchmarks.Profile;
import io.mapper.benchmarks.WorkloadId;

/**
 * Runs {@link OperationBenchmark} for the per-operation workloads with JMH (forks, warm-up iterations, {@code -prof
 * gc}) and hands back one {@link Score} per workload, database and contender. Each fork runs on a fixed heap with
 * the parallel collector, as the harness does.
 */
public final class JmhRunner {

    /** The JVM options of every fork. */
    public static final List<String> FORK_JVM_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC",
            "--enable-native-access=ALL-UNNAMED");

    /** The slugs of the contenders of the per-operation workloads, in report order ({@code raw} first). */
    public static final List<String> CONTENDERS = List.of("raw", "mapper-core", "mapper-core-autocommit", "mapper-orm",
            "mapper-orm-autocommit", "jdbctemplate", "hibernate", "jooq", "mybatis");

    /** The contenders that only W4 has: mapper reading without a transaction ({@code IsolationLevel.AUTOCOMMIT}). */
    static final List<String> W4_ONLY = List.of("mapper-core-autocommit", "mapper-orm-autocommit");

    private JmhRunner() {
    }

    /**
     * The figure of one contender of one workload on one database.
     *
     * @param contender      the contender's slug ({@code raw}, {@code mapper-orm})
     * @param micros         the mean time per operation in microseconds
     * @param median         the median of the measured iterations (µs per operation): the figure ratios use, as
     *                       the harness's, so that one bad fork or iteration moves it least
     * @param error          JMH's 99.9 % confidence half-interval of {@code micros}
     * @param lowest         the fastest measured iteration (µs per operation)
     * @param highest        the slowest measured iteration
     * @param allocatedBytes bytes allocated per operation ({@code gc.alloc.rate.norm}), NaN when not measured
     * @param iterations     measured iterations over all forks
     */
    public record Score(WorkloadId workload, Database database, String contender, double micros, double median,
            double error, double lowest, double highest, double allocatedBytes, long iterations) {

        /** Slowest / fastest measured iteration. */
        public double spread() {
            return lowest <= 0 ? Double.POSITIVE_INFINITY : highest / lowest;
        }
    }

    /** The position of a contender slug in report order. */
    public static int order(String slug) {
        int index = CONTENDERS.indexOf(slug);
        return index < 0 ? CONTENDERS.size() : index;
    }

    /** The competitor and variant a slug stands for: {@code mapper-orm} is {"mapper", "ORM"}. */
    public static String[] competitorAndVariant(String slug) {
        return switch (slug) {
            case "raw" -> new String[] {"raw JDBC", ""};
            case "mapper-core" -> new String[] {"mapper", "Core"};
            case "mapper-orm" -> new String[] {"mapper", "ORM"};
            case "mapper-core-autocommit" -> new String[] {"mapper", "Core (AUTOCOMMIT)"};
            case "mapper-orm-autocommit" -> new String[] {"mapper", "ORM (AUTOCOMMIT)"};
            default -> {
                for (String name : BenchmarkMain.competitorNames()) {
                    if (name.equalsIgnoreCase(slug)) {
                        yield new String[] {name, ""};
                    }
                }
                throw new IllegalArgumentException("Unknown contender '" + slug + "'");
            }
        };
    }

    /** The contender slugs of {@code workload} the competitor filter keeps (raw JDBC always). */
    public static List<String> contenders(String competitorFilter, WorkloadId workload) {
        List<String> kept = new ArrayList<>();
        for (String slug : CONTENDERS) {
            if (W4_ONLY.contains(slug) && workload != WorkloadId.W4_PK_SELECT) {
                continue;
            }
            String competitor = slug.equals("raw") ? "raw JDBC" : slug.split("-")[0];
            for (String name : BenchmarkMain.competitorNames()) {
                if (name.equalsIgnoreCase(competitor) && BenchmarkMain.keeps(competitorFilter, name)) {
                    kept.add(slug);
                }
            }
        }
        return kept;
    }

    /** What {@link #run} will do and about how long it takes, for the progress log. */
    public static String plan(Profile profile, List<Database> databases, List<WorkloadId> workloads,
            String competitorFilter) {
        Profile.Jmh jmh = profile.jmh();
        int forks = 0;
        for (WorkloadId workload : workloads) {
            forks += databases.size() * contenders(competitorFilter, workload).size() * jmh.forks();
        }
        return String.format(Locale.ROOT, "%d forks of %d warm-up + %d measured iterations of %d ms, about %.0f min",
                forks, jmh.warmupIterations(), jmh.iterations(), jmh.iterationMillis(),
                forks * jmh.forkSeconds() / 60);
    }

    /**
     * The options of one workload's run (the benchmark class, its parameters and the profile's iterations): JMH
     * runs every combination of the parameters, and the contenders differ between workloads.
     */
    static Options options(Profile profile, List<Database> databases, WorkloadId workload, String competitorFilter) {
        Profile.Jmh jmh = profile.jmh();
        return new OptionsBuilder()
                .include(Pattern.quote(OperationBenchmark.class.getName()) + "\\.operation$")
                .param("workload", workload.label())
                .param("database", databases.stream().map(d -> d.name().toLowerCase(Locale.ROOT))
                        .toArray(String[]::new))
                .param("contender", contenders(competitorFilter, workload).toArray(String[]::new))
                .param("profile", profile.name().replace("-custom", ""))
                .forks(jmh.forks())
                .warmupIterations(jmh.warmupIterations())
                .warmupTime(TimeValue.milliseconds(jmh.iterationMillis()))
                .measurementIterations(jmh.iterations())
                .measurementTime(TimeValue.milliseconds(jmh.iterationMillis()))
                .addProfiler(GCProfiler.class)
                .jvmArgs(FORK_JVM_ARGS.toArray(String[]::new))
                .shouldFailOnError(true)
                .build();
    }

    /** Runs the benchmarks and returns their scores. */
    public static List<Score> run(Profile profile, List<Database> databases, List<WorkloadId> workloads,
            String competitorFilter) throws RunnerException {
        List<RunResult> results = new ArrayList<>();
        for (WorkloadId workload : workloads) {
            results.addAll(new Runner(options(profile, databases, workload, competitorFilter)).run());
        }
        List<Score> scores = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            Result<?> primary = result.getPrimaryResult();
            Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
            scores.add(new Score(WorkloadId.labelled(params.getParam("workload")),
                    Database.valueOf(params.getParam("database").toUpperCase(Locale.ROOT)),
                    params.getParam("contender"), primary.getScore(), primary.getStatistics().getPercentile(50),
                    primary.getScoreError(),
                    primary.getStatistics().getMin(), primary.getStatistics().getMax(),
                    allocation == null ? Double.NaN : allocation.getScore(), primary.getStatistics().getN()));
        }
        return scores;
    }
}
