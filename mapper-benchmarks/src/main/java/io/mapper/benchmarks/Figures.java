package io.mapper.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.benchmarks.jmh.JmhRunner;

/**
 * The results of a run, from the harness and from JMH, as one figure per contender, workload and database: what
 * the report's targets, peer comparison and spreads read, whichever tool measured the workload.
 */
final class Figures {

    /**
     * One contender's figure.
     *
     * @param competitor     the library
     * @param variant        the technique within it ("" when it has one)
     * @param ratio          median ratio to raw JDBC in the same round (harness), or median time / raw JDBC's median
     *                       (JMH, over all forks' iterations)
     *                       time in the same run (JMH)
     * @param spread         slowest / fastest round (harness) or iteration (JMH)
     * @param bytesPerUnit   allocation per row, select, insert or parent
     * @param jmh            whether JMH measured it
     */
    record Figure(String competitor, String variant, double ratio, double spread, double bytesPerUnit, boolean jmh) {

        String label() {
            return variant.isEmpty() ? competitor : competitor + " " + variant;
        }

        boolean isReference() {
            return competitor.equals(Contender.RAW_JDBC);
        }
    }

    private final Profile profile;
    private final Map<Database, Map<WorkloadId, List<Harness.Measurement>>> harness = new LinkedHashMap<>();
    private final Map<Database, Map<WorkloadId, List<JmhRunner.Score>>> jmh = new LinkedHashMap<>();

    Figures(Profile profile) {
        this.profile = profile;
    }

    void add(Database database, WorkloadId workload, List<Harness.Measurement> measurements) {
        harness.computeIfAbsent(database, unused -> new LinkedHashMap<>()).put(workload, measurements);
    }

    void addJmh(List<JmhRunner.Score> scores) {
        for (JmhRunner.Score score : scores) {
            jmh.computeIfAbsent(score.database(), unused -> new LinkedHashMap<>())
                    .computeIfAbsent(score.workload(), unused -> new ArrayList<>()).add(score);
        }
        // JMH hands results back sorted by parameter value: put them in report order (raw JDBC first).
        for (Map<WorkloadId, List<JmhRunner.Score>> perWorkload : jmh.values()) {
            for (List<JmhRunner.Score> list : perWorkload.values()) {
                list.sort(java.util.Comparator.comparingInt(score -> JmhRunner.order(score.contender())));
            }
        }
    }

    /** The databases measured, in the order they ran. */
    Set<Database> databases() {
        Set<Database> all = new LinkedHashSet<>(harness.keySet());
        all.addAll(jmh.keySet());
        return all;
    }

    /** The harness's measurements of a workload on a database (empty when it did not run there). */
    List<Harness.Measurement> measurements(Database database, WorkloadId workload) {
        return harness.getOrDefault(database, Map.of()).getOrDefault(workload, List.of());
    }

    /** JMH's scores of a workload on a database (empty when JMH did not run it). */
    List<JmhRunner.Score> scores(Database database, WorkloadId workload) {
        return jmh.getOrDefault(database, Map.of()).getOrDefault(workload, List.of());
    }

    /** The figures of a workload on a database, from JMH where it measured the workload, else from the harness. */
    List<Figure> of(Database database, WorkloadId workload) {
        List<Figure> figures = new ArrayList<>();
        List<JmhRunner.Score> scores = scores(database, workload);
        if (!scores.isEmpty()) {
            JmhRunner.Score reference = scores.stream().filter(s -> s.contender().equals("raw")).findFirst()
                    .orElse(null);
            for (JmhRunner.Score score : scores) {
                String[] name = JmhRunner.competitorAndVariant(score.contender());
                double ratio = reference == null ? Double.NaN : score.median() / reference.median();
                figures.add(new Figure(name[0], name[1], ratio, score.spread(), score.allocatedBytes(), true));
            }
            return figures;
        }
        for (Harness.Measurement m : measurements(database, workload)) {
            figures.add(new Figure(m.contender().competitor(), m.contender().variant(), median(m.ratios()),
                    m.spread(), median(m.allocatedBytes()) / workload.units(profile), false));
        }
        return figures;
    }

    /** The figure of one mapper (or other) contender, or null when it did not run. */
    @Nullable Figure find(Database database, WorkloadId workload, String competitor, String variant) {
        for (Figure figure : of(database, workload)) {
            if (figure.competitor().equals(competitor) && figure.variant().equals(variant)) {
                return figure;
            }
        }
        return null;
    }

    /** The lowest ratio among a competitor's figures, or null when it did not run. */
    @Nullable Figure best(Database database, WorkloadId workload, String competitor) {
        Figure best = null;
        for (Figure figure : of(database, workload)) {
            if (figure.competitor().equals(competitor) && (best == null || figure.ratio() < best.ratio())) {
                best = figure;
            }
        }
        return best;
    }

    /** The workloads that ran on any database, in report order. */
    List<WorkloadId> workloads() {
        List<WorkloadId> all = new ArrayList<>();
        for (WorkloadId workload : WorkloadId.values()) {
            for (Database database : databases()) {
                if (!of(database, workload).isEmpty() && !all.contains(workload)) {
                    all.add(workload);
                }
            }
        }
        return all;
    }

    static double median(List<? extends Number> values) {
        List<Double> sorted = new ArrayList<>();
        for (Number value : values) {
            sorted.add(value.doubleValue());
        }
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
