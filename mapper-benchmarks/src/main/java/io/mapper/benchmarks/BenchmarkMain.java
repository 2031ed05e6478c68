package io.mapper.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.mapper.benchmarks.competitors.HibernateBench;
import io.mapper.benchmarks.competitors.JdbcTemplateBench;
import io.mapper.benchmarks.competitors.JooqBench;
import io.mapper.benchmarks.competitors.MapperBench;
import io.mapper.benchmarks.competitors.MyBatisBench;
import io.mapper.benchmarks.competitors.RawJdbc;
import io.mapper.benchmarks.jmh.JmhRunner;

/**
 * Runs the suite and writes the report: on each database in turn, the harness's workloads, then the per-operation
 * workloads (W4, W4b, W5) with JMH.
 * {@code BenchmarkMain --profile=quick|full|tiny --databases=h2,sqlite,postgresql --output=docs/benchmarks.md
 * [--notes=benchmarks-notes.md] [--workloads=W1,W4] [--competitors=mapper,Hibernate] [--jmh=false]
 * [--warmup=2 --rounds=5]}. With {@code --jmh=false} the harness runs W4, W4b and W5 as well (the unit test does).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /** A competitor by name, as its contenders name it, and how to make one for a fixture. */
    record Kind(String name, Function<Fixture, Competitor> factory) {
    }

    /** The competitors, in report order (raw JDBC first: it is the reference). */
    static final List<Kind> COMPETITORS = List.of(new Kind(Contender.RAW_JDBC, RawJdbc::new),
            new Kind("mapper", MapperBench::new), new Kind("JdbcTemplate", JdbcTemplateBench::new),
            new Kind("Hibernate", HibernateBench::new), new Kind("jOOQ", JooqBench::new),
            new Kind("MyBatis", MyBatisBench::new));

    public static void main(String[] args) throws Exception {
        quietLibraries();
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Arguments look like --name=value, not '" + arg + "'.");
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        Profile profile = Profile.named(options.getOrDefault("profile", "quick"));
        if (options.containsKey("rounds") || options.containsKey("warmup")) {
            // For profiling one workload at length (JFR): fixed rounds instead of the adaptive ones.
            int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
            int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
            profile = profile.withRounds(new Profile.Rounds(warmup, warmup, rounds, rounds,
                    profile.rounds().minSampleMillis()));
        }
        List<Database> databases = new ArrayList<>();
        for (String name : options.getOrDefault("databases", "h2,sqlite,postgresql").split(",")) {
            databases.add(Database.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        List<WorkloadId> workloads = new ArrayList<>();
        String workloadFilter = options.getOrDefault("workloads", "");
        for (String label : workloadFilter.isEmpty() ? List.<String>of() : List.of(workloadFilter.split(","))) {
            workloads.add(WorkloadId.labelled(label));
        }
        if (workloads.isEmpty()) {
            workloads.addAll(List.of(WorkloadId.values()));
        }
        String competitorFilter = options.getOrDefault("competitors", "");
        boolean jmh = Boolean.parseBoolean(options.getOrDefault("jmh", "true"));
        Path output = options.containsKey("output") ? Path.of(options.get("output")) : null;

        long start = System.nanoTime();
        Report report = new Report(profile);
        if (options.containsKey("notes")) {
            report.notesFile(Path.of(options.get("notes")));
        }
        List<WorkloadId> harnessWorkloads = workloads.stream().filter(w -> !jmh || !w.isPerOperation()).toList();
        List<WorkloadId> jmhWorkloads = workloads.stream().filter(w -> jmh && w.isPerOperation()).toList();
        List<Database> available = new ArrayList<>();
        for (Database database : databases) {
            String reason = database.unavailableReason();
            if (reason != null) {
                System.out.println("[mapper benchmarks] SKIPPING " + database.title() + ": " + reason);
                report.skipped(database.title(), reason);
            } else {
                available.add(database);
            }
        }
        if (!jmhWorkloads.isEmpty()) {
            System.out.printf("[mapper benchmarks] JMH after each database's harness: %s%n", JmhRunner.plan(profile, available, jmhWorkloads,
                    competitorFilter));
        }
        // Each database's JMH cells run right after its harness, so that no other database's server (PostgreSQL's
        // background writes after its bulk workloads) shares the cores with them.
        Exception jmhFailure = null;
        for (Database database : available) {
            if (!harnessWorkloads.isEmpty()) {
                runDatabase(database, profile, harnessWorkloads, competitorFilter, report);
            }
            if (!jmhWorkloads.isEmpty()) {
                long began = System.nanoTime();
                try {
                    report.addJmh(JmhRunner.run(profile, List.of(database), jmhWorkloads, competitorFilter));
                } catch (Exception e) {
                    // The harness's figures took most of an hour: write them, say that JMH failed, then fail.
                    jmhFailure = jmhFailure == null ? e : jmhFailure;
                    report.skipped("JMH (W4, W4b, W5) on " + database.title(), "failed: " + e);
                }
                System.out.printf("[mapper benchmarks] %s: JMH took %.1f min%n", database.title(),
                        (System.nanoTime() - began) / 60e9);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        report.took(took);
        System.out.println(report.render());
        if (output != null) {
            report.write(output);
            System.out.println("[mapper benchmarks] wrote " + output.toAbsolutePath() + " in " + took.toSeconds()
                    + " s");
        }
        if (jmhFailure != null) {
            throw jmhFailure;
        }
    }

    /** Silences the peers' start-up banners and INFO logs, which would otherwise bury the progress lines. */
    public static void quietLibraries() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** Whether the contender filter of the command line keeps {@code competitor} (raw JDBC is always kept). */
    public static boolean keeps(String competitorFilter, String competitor) {
        return competitor.equals(Contender.RAW_JDBC) || competitorFilter.isEmpty()
                || List.of(competitorFilter.split(",")).contains(competitor);
    }

    /** The names of the competitors, in report order. */
    public static List<String> competitorNames() {
        return COMPETITORS.stream().map(Kind::name).toList();
    }

    /**
     * A new competitor owning the contender {@code slug} ({@link Contender#slug()}: {@code raw}, {@code
     * mapper-orm}, {@code hibernate}), on {@code fixture}: what a JMH fork measures.
     */
    public static Competitor competitorFor(String slug, Fixture fixture) {
        String name = slug.startsWith("raw") ? Contender.RAW_JDBC : slug.split("-")[0];
        for (Kind kind : COMPETITORS) {
            if (kind.name().equalsIgnoreCase(name)) {
                return kind.factory().apply(fixture);
            }
        }
        throw new IllegalArgumentException("No competitor has the contender '" + slug + "'; the competitors are "
                + competitorNames());
    }

    /** Runs the harness's {@code workloads} on one database and adds the results to {@code report}. */
    static void runDatabase(Database database, Profile profile, List<WorkloadId> workloads, String competitorFilter,
            Report report) throws Exception {
        System.out.println("[mapper benchmarks] " + database.title() + ": seeding (" + profile.name() + " profile)");
        Fixture fixture = new Fixture(database, profile);
        fixture.create();
        List<Competitor> competitors = new ArrayList<>();
        try {
            for (Kind kind : COMPETITORS) {
                competitors.add(kind.factory().apply(fixture));
            }
            for (Competitor competitor : competitors) {
                report.version(competitor.version());
            }
            Harness harness = new Harness(fixture);
            // A workload whose window did not hold is measured again once the others are done; the attempt with the
            // lowest worst spread is reported (every attempt is printed here).
            Map<WorkloadId, List<Harness.Measurement>> results = new LinkedHashMap<>();
            List<WorkloadId> toMeasure = workloads;
            for (int attempt = 1; attempt <= Profile.Rounds.ATTEMPTS && !toMeasure.isEmpty(); attempt++) {
                List<WorkloadId> unheld = new ArrayList<>();
                for (WorkloadId workload : toMeasure) {
                    List<Contender> contenders = new ArrayList<>();
                    for (Competitor competitor : competitors) {
                        for (Contender contender : competitor.contenders().getOrDefault(workload, List.of())) {
                            if (keeps(competitorFilter, contender.competitor())) {
                                contenders.add(contender);
                            }
                        }
                    }
                    long began = System.nanoTime();
                    List<Harness.Measurement> measurements = new ArrayList<>();
                    for (Harness.Measurement measurement : harness.run(workload, contenders)) {
                        measurements.add(measurement.asAttempt(attempt));
                    }
                    Harness.Measurement first = measurements.get(0);
                    double worst = Harness.worstSpread(measurements);
                    System.out.printf("[mapper benchmarks] %s %s: %d contenders, %s%d warm-up + %d measured rounds "
                            + "in %.1f s, worst spread %.2f%n", database.title(), workload.label(), contenders.size(),
                            attempt > 1 ? "attempt " + attempt + ", " : "", first.warmupRounds(),
                            first.measuredRounds(), (System.nanoTime() - began) / 1e9, worst);
                    List<Harness.Measurement> earlier = results.get(workload);
                    if (earlier == null || worst < Harness.worstSpread(earlier)) {
                        results.put(workload, measurements);
                    }
                    if (Harness.worstSpread(results.get(workload)) > Profile.Rounds.SPREAD_LIMIT) {
                        unheld.add(workload);
                    }
                }
                toMeasure = unheld;
            }
            for (Map.Entry<WorkloadId, List<Harness.Measurement>> result : results.entrySet()) {
                report.add(database, result.getKey(), result.getValue());
            }
        } finally {
            for (Competitor competitor : competitors) {
                competitor.close();
            }
            fixture.drop();
        }
    }
}
