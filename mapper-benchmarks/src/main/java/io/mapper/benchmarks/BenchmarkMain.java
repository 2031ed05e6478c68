package io.mapper.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.mapper.benchmarks.competitors.HibernateBench;
import io.mapper.benchmarks.competitors.JdbcTemplateBench;
import io.mapper.benchmarks.competitors.JooqBench;
import io.mapper.benchmarks.competitors.MapperBench;
import io.mapper.benchmarks.competitors.MyBatisBench;
import io.mapper.benchmarks.competitors.RawJdbc;

/**
 * Runs the suite and writes the report:
 * {@code BenchmarkMain --profile=quick|full --databases=h2,sqlite,postgresql --output=docs/benchmarks.md
 * [--workloads=W1,W4] [--competitors=mapper,Hibernate] [--warmup=2 --rounds=5]}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /** The competitors, in report order (raw JDBC first: it is the reference). */
    static final List<Function<Fixture, Competitor>> COMPETITORS = List.of(RawJdbc::new, MapperBench::new,
            JdbcTemplateBench::new, HibernateBench::new, JooqBench::new, MyBatisBench::new);

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
            // For profiling one workload at length (JFR); reports are made with the profiles' own rounds.
            profile = new Profile(profile.name() + "-custom", profile.bulkRows(), profile.resultRows(),
                    profile.shortOperations(), profile.parents(),
                    Integer.parseInt(options.getOrDefault("warmup", String.valueOf(profile.warmupRounds()))),
                    Integer.parseInt(options.getOrDefault("rounds", String.valueOf(profile.rounds()))));
        }
        List<Database> databases = new ArrayList<>();
        for (String name : options.getOrDefault("databases", "h2,sqlite,postgresql").split(",")) {
            databases.add(Database.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        String workloadFilter = options.getOrDefault("workloads", "");
        String competitorFilter = options.getOrDefault("competitors", "");
        Path output = options.containsKey("output") ? Path.of(options.get("output")) : null;

        long start = System.nanoTime();
        Report report = new Report(profile);
        if (options.containsKey("notes")) {
            report.notesFile(Path.of(options.get("notes")));
        }
        for (Database database : databases) {
            String reason = database.unavailableReason();
            if (reason != null) {
                String line = "[mapper benchmarks] SKIPPING " + database.title() + ": " + reason;
                System.out.println(line);
                report.skipped(database, reason);
                continue;
            }
            runDatabase(database, profile, workloadFilter, competitorFilter, report);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        report.took(took);
        System.out.println(report.render());
        if (output != null) {
            report.write(output);
            System.out.println("[mapper benchmarks] wrote " + output.toAbsolutePath() + " in " + took.toSeconds()
                    + " s");
        }
    }

    /** Silences the peers' start-up banners and INFO logs, which would otherwise bury the progress lines. */
    static void quietLibraries() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** Runs every selected workload on one database and adds the results to {@code report}. */
    static void runDatabase(Database database, Profile profile, String workloadFilter, String competitorFilter,
            Report report) throws Exception {
        System.out.println("[mapper benchmarks] " + database.title() + ": seeding (" + profile.name() + " profile)");
        Fixture fixture = new Fixture(database, profile);
        fixture.create();
        List<Competitor> competitors = new ArrayList<>();
        try {
            for (Function<Fixture, Competitor> factory : COMPETITORS) {
                competitors.add(factory.apply(fixture));
            }
            for (Competitor competitor : competitors) {
                report.version(competitor.version());
            }
            Harness harness = new Harness(fixture);
            for (WorkloadId workload : WorkloadId.values()) {
                if (!workloadFilter.isEmpty() && !List.of(workloadFilter.split(",")).contains(workload.label())) {
                    continue;
                }
                List<Contender> contenders = new ArrayList<>();
                for (Competitor competitor : competitors) {
                    for (Contender contender : competitor.contenders().getOrDefault(workload, List.of())) {
                        if (contender.isReference() || competitorFilter.isEmpty()
                                || List.of(competitorFilter.split(",")).contains(contender.competitor())) {
                            contenders.add(contender);
                        }
                    }
                }
                long began = System.nanoTime();
                List<Harness.Measurement> measurements = harness.run(workload, contenders);
                System.out.printf("[mapper benchmarks] %s %s: %d contenders in %.1f s%n", database.title(),
                        workload.label(), contenders.size(), (System.nanoTime() - began) / 1e9);
                report.add(database, workload, measurements);
            }
        } finally {
            for (Competitor competitor : competitors) {
                competitor.close();
            }
            fixture.drop();
        }
    }
}
