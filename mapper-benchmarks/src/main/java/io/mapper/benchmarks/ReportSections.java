package io.mapper.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The report's summary sections, read from the figures of a run: the targets of issue 13, the comparison with
 * the peers, the spreads, and the flush-scaling tables.
 */
final class ReportSections {

    /** A target of issue 13: the ratio a mapper contender must stay under on a workload. */
    record Target(WorkloadId workload, String variant, double ratio) {
    }

    static final List<Target> TARGETS = List.of(
            new Target(WorkloadId.W4_PK_SELECT, "Core", 1.3),
            new Target(WorkloadId.W4_PK_SELECT, "ORM", 2.0),
            new Target(WorkloadId.W4_PK_SELECT, "Core (AUTOCOMMIT)", 1.3),
            new Target(WorkloadId.W4_PK_SELECT, "ORM (AUTOCOMMIT)", 2.0),
            new Target(WorkloadId.W3_LARGE_RESULT, "Core rows", 1.2),
            new Target(WorkloadId.W3_LARGE_RESULT, "ORM projections", 1.5),
            new Target(WorkloadId.W3_LARGE_RESULT, "ORM entities", 2.5),
            new Target(WorkloadId.W1_BULK_INSERT, "Core", 1.5),
            new Target(WorkloadId.W1_BULK_INSERT, "ORM", 1.5),
            new Target(WorkloadId.W2_BULK_UPDATE, "Core", 1.5),
            new Target(WorkloadId.W2_ORM_UPDATE, "ORM", 1.5),
            new Target(WorkloadId.W5_SINGLE_INSERT, "Core", 1.15),
            new Target(WorkloadId.W5_SINGLE_INSERT, "ORM", 1.15),
            new Target(WorkloadId.W6_SELECT_IN, "ORM selectInLoad", 2.0),
            new Target(WorkloadId.W6_JOINED, "ORM joinedLoad", 2.0));

    /** Workloads whose allocation per row must be within {@link #ALLOCATION_FACTOR} of the best peer's. */
    static final List<WorkloadId> ALLOCATION_WORKLOADS = List.of(WorkloadId.W1_BULK_INSERT,
            WorkloadId.W3_LARGE_RESULT);

    static final double ALLOCATION_FACTOR = 2.0;

    /** The peers mapper's best contender must be ahead of. */
    static final List<String> PEERS = List.of("Hibernate", "jOOQ", "MyBatis");

    /** The competitors of the peer comparison, after mapper. */
    static final List<String> OTHERS = List.of("JdbcTemplate", "Hibernate", "jOOQ", "MyBatis");

    private final Profile profile;
    private final Figures figures;

    ReportSections(Profile profile, Figures figures) {
        this.profile = profile;
        this.figures = figures;
    }

    private void header(StringBuilder out, String... columns) {
        out.append('|');
        for (String column : columns) {
            out.append(' ').append(column).append(" |");
        }
        for (Database database : figures.databases()) {
            out.append(' ').append(database.title()).append(" |");
        }
        out.append("\n|");
        for (int i = 0; i < columns.length + figures.databases().size(); i++) {
            out.append("---|");
        }
        out.append('\n');
    }

    void targets(StringBuilder out) {
        out.append("## Targets of issue 13\n\n");
        out.append("Median ratio to raw JDBC in the same run (JMH for W4 and W5). A target counts as met only "
                + "where the figure holds: a cell whose spread is above ").append(Profile.Rounds.SPREAD_LIMIT)
                .append(" is marked `(spread!)`.\n\n");
        header(out, "workload", "mapper", "target");
        for (Target target : TARGETS) {
            out.append("| ").append(target.workload().label()).append(" | ").append(target.variant())
                    .append(String.format(Locale.ROOT, " | <= %.2f |", target.ratio()));
            for (Database database : figures.databases()) {
                Figures.Figure figure = figures.find(database, target.workload(), "mapper", target.variant());
                if (figure == null) {
                    out.append(" not run |");
                } else {
                    out.append(String.format(Locale.ROOT, " %.2f %s%s |", figure.ratio(),
                            figure.ratio() <= target.ratio() ? "met" : "**missed**", spreadMark(figure)));
                }
            }
            out.append('\n');
        }
        for (WorkloadId workload : ALLOCATION_WORKLOADS) {
            for (String variant : mapperVariants(workload)) {
                out.append("| ").append(workload.label()).append(" | ").append(variant)
                        .append(" | allocation per ").append(workload.unit()).append(" <= ")
                        .append(String.format(Locale.ROOT, "%.0f", ALLOCATION_FACTOR)).append(" x best peer's |");
                for (Database database : figures.databases()) {
                    out.append(' ').append(allocationCell(database, workload, variant)).append(" |");
                }
                out.append('\n');
            }
        }
        out.append("| every workload | best mapper contender | ahead of ").append(String.join(", ", PEERS))
                .append(" |");
        for (Database database : figures.databases()) {
            List<String> beaten = beatenBy(database);
            out.append(beaten.isEmpty() ? " met |" : " **missed**: " + String.join(", ", beaten) + " |");
        }
        out.append("\n\n");
    }

    private static String spreadMark(Figures.Figure figure) {
        return figure.spread() > Profile.Rounds.SPREAD_LIMIT ? " (spread!)" : "";
    }

    private List<String> mapperVariants(WorkloadId workload) {
        List<String> variants = new ArrayList<>();
        for (Database database : figures.databases()) {
            for (Figures.Figure figure : figures.of(database, workload)) {
                if (figure.competitor().equals("mapper") && !variants.contains(figure.variant())) {
                    variants.add(figure.variant());
                }
            }
        }
        return variants;
    }

    private String allocationCell(Database database, WorkloadId workload, String variant) {
        Figures.Figure mapper = figures.find(database, workload, "mapper", variant);
        Figures.Figure best = null;
        for (Figures.Figure figure : figures.of(database, workload)) {
            if (OTHERS.contains(figure.competitor()) && (best == null || figure.bytesPerUnit() < best.bytesPerUnit())) {
                best = figure;
            }
        }
        if (mapper == null || best == null) {
            return "not run";
        }
        double factor = mapper.bytesPerUnit() / best.bytesPerUnit();
        return String.format(Locale.ROOT, "%s vs %s (%s): %.1fx %s", Report.bytes(mapper.bytesPerUnit()),
                Report.bytes(best.bytesPerUnit()), best.label(), factor,
                factor <= ALLOCATION_FACTOR ? "met" : "**missed**");
    }

    /** The workloads on which a peer is faster than mapper's best contender, as "W1 by jOOQ". */
    private List<String> beatenBy(Database database) {
        List<String> beaten = new ArrayList<>();
        for (WorkloadId workload : figures.workloads()) {
            Figures.Figure mapper = figures.best(database, workload, "mapper");
            for (String peer : PEERS) {
                Figures.Figure theirs = figures.best(database, workload, peer);
                if (mapper != null && theirs != null && theirs.ratio() < mapper.ratio()) {
                    beaten.add(workload.label() + " by " + peer);
                }
            }
        }
        return beaten;
    }

    void peers(StringBuilder out) {
        out.append("## Peer comparison\n\n");
        out.append("The best contender of each library per workload (ratio to raw JDBC; mapper's variant named). "
                + "**Bold**: the fastest library of the row.\n\n");
        for (Database database : figures.databases()) {
            out.append("### ").append(database.title()).append("\n\n");
            out.append("| workload | mapper |");
            OTHERS.forEach(name -> out.append(' ').append(name).append(" |"));
            out.append(" mapper ahead of ").append(String.join(", ", PEERS)).append(" |\n|---|---|");
            OTHERS.forEach(unused -> out.append("---|"));
            out.append("---|\n");
            for (WorkloadId workload : figures.workloads()) {
                if (figures.of(database, workload).isEmpty()) {
                    continue;
                }
                List<Figures.Figure> row = new ArrayList<>();
                row.add(figures.best(database, workload, "mapper"));
                for (String name : OTHERS) {
                    row.add(figures.best(database, workload, name));
                }
                double fastest = row.stream().filter(f -> f != null).mapToDouble(Figures.Figure::ratio).min()
                        .orElse(Double.NaN);
                out.append("| ").append(workload.label()).append(" |");
                for (int i = 0; i < row.size(); i++) {
                    Figures.Figure figure = row.get(i);
                    out.append(' ').append(peerCell(figure, i == 0, fastest)).append(" |");
                }
                Figures.Figure mapper = row.get(0);
                boolean ahead = mapper != null;
                for (String peer : PEERS) {
                    Figures.Figure theirs = figures.best(database, workload, peer);
                    ahead &= mapper == null || theirs == null || mapper.ratio() <= theirs.ratio();
                }
                out.append(mapper == null ? " - |" : ahead ? " yes |" : " **no** |").append('\n');
            }
            out.append('\n');
        }
    }

    private static String peerCell(Figures.@Nullable Figure figure, boolean named, double fastest) {
        if (figure == null) {
            return "-";
        }
        String ratio = String.format(Locale.ROOT, "%.2f", figure.ratio());
        if (figure.ratio() == fastest) {
            ratio = "**" + ratio + "**";
        }
        return named && !figure.variant().isEmpty() ? ratio + " (" + figure.variant() + ")" : ratio;
    }

    void spreads(StringBuilder out) {
        out.append("## Spreads\n\n");
        out.append("A cell's spread is its slowest round (harness) or iteration (JMH) over its fastest; a figure "
                + "holds when the spread is at most ").append(Profile.Rounds.SPREAD_LIMIT)
                .append(". The harness measures until its last ").append(profile.rounds().window())
                .append(" rounds hold or it has measured ").append(profile.rounds().maxMeasured())
                .append(" rounds; a workload whose rounds did not hold is measured again after the database's other "
                        + "workloads (at most ").append(Profile.Rounds.ATTEMPTS).append(" attempts), and the attempt "
                        + "with the lowest worst spread is shown. The rounds column says how many warm-up + measured "
                        + "rounds each workload took, and which attempt it shows when not the first.\n\n");
        header(out, "workload: rounds (warm-up + measured), worst spread");
        for (WorkloadId workload : figures.workloads()) {
            out.append("| ").append(workload.label()).append(" |");
            for (Database database : figures.databases()) {
                List<Harness.Measurement> measurements = figures.measurements(database, workload);
                String rounds = !figures.scores(database, workload).isEmpty() ? "JMH"
                        : measurements.isEmpty() ? "-"
                        : measurements.get(0).warmupRounds() + " + " + measurements.get(0).measuredRounds()
                        + (measurements.get(0).attempt() > 1 ? " (attempt " + measurements.get(0).attempt() + ")"
                                : "");
                double worst = 0;
                for (Figures.Figure figure : figures.of(database, workload)) {
                    worst = Math.max(worst, figure.spread());
                }
                out.append(' ').append(rounds).append(rounds.equals("-") ? "" : ", worst " + Report.spread(worst))
                        .append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
        for (Database database : figures.databases()) {
            int cells = 0;
            List<String> flagged = new ArrayList<>();
            for (WorkloadId workload : figures.workloads()) {
                for (Figures.Figure figure : figures.of(database, workload)) {
                    cells++;
                    if (figure.spread() > Profile.Rounds.SPREAD_LIMIT) {
                        flagged.add(String.format(Locale.ROOT, "%s %s %.2f", workload.label(), figure.label(),
                                figure.spread()));
                    }
                }
            }
            out.append("- ").append(database.title()).append(": ").append(cells - flagged.size()).append(" of ")
                    .append(cells).append(" cells hold")
                    .append(flagged.isEmpty() ? "." : "; above the limit: " + String.join(", ", flagged) + ".")
                    .append('\n');
        }
        out.append('\n');
    }

    void flushScaling(StringBuilder out) {
        List<WorkloadId> inserts = List.of(WorkloadId.W1_FLUSH_SMALL, WorkloadId.W1_FLUSH_MEDIUM,
                WorkloadId.W1_FLUSH_LARGE);
        List<WorkloadId> loaded = List.of(WorkloadId.FLUSH_LOADED_SMALL, WorkloadId.FLUSH_LOADED_MEDIUM,
                WorkloadId.FLUSH_LOADED_LARGE);
        if (inserts.stream().noneMatch(figures.workloads()::contains)
                && loaded.stream().noneMatch(figures.workloads()::contains)) {
            return;
        }
        out.append("## Flush scaling\n\n");
        out.append("**New objects per flush** (W1-flush): the ORM adds N new objects and flushes once, keys "
                + "returned, then commits; raw JDBC inserts the same N rows with multi-row `INSERT ... RETURNING` "
                + "of 1000 rows. Cost per row in µs (median round) and allocation per row: the ORM's per-row cost "
                + "must stay flat as N grows.\n\n");
        scalingTable(out, "new objects per flush", inserts, this::perRow,
                "mapper ORM per row, largest / smallest N (flat = 1.00)", true);
        out.append("**Loaded objects per session** (flush-loaded): a session holds the first N items (loaded, not "
                + "timed), ").append(WorkloadId.CHANGED).append(" of them are changed, and `flush()` is timed; raw "
                + "JDBC's time is the JDBC batch UPDATE of the same rows, all a flush must send. Flush time should "
                + "grow with the changed objects, not with N.\n\n");
        scalingTable(out, "loaded objects", loaded, this::flushTimes, "mapper flush time, largest / smallest N",
                false);
    }

    /** One row per size of a scaling workload, then a row with mapper's growth from the smallest to the largest. */
    private void scalingTable(StringBuilder out, String sizeColumn, List<WorkloadId> sizes,
            java.util.function.BiFunction<Database, WorkloadId, String> cell, String growthRow, boolean perRow) {
        header(out, sizeColumn);
        for (WorkloadId workload : sizes) {
            out.append("| ").append(workload.scaleSize(profile)).append(" |");
            for (Database database : figures.databases()) {
                out.append(' ').append(cell.apply(database, workload)).append(" |");
            }
            out.append('\n');
        }
        out.append("| ").append(growthRow).append(" |");
        for (Database database : figures.databases()) {
            out.append(' ').append(growth(database, sizes, perRow)).append(" |");
        }
        out.append("\n\n");
    }

    private static Harness.@Nullable Measurement measurement(List<Harness.Measurement> measurements,
            String competitor) {
        for (Harness.Measurement m : measurements) {
            if (m.contender().competitor().equals(competitor)) {
                return m;
            }
        }
        return null;
    }

    private String perRow(Database database, WorkloadId workload) {
        List<Harness.Measurement> measurements = figures.measurements(database, workload);
        if (measurements.isEmpty()) {
            return "-";
        }
        int size = workload.scaleSize(profile);
        List<String> parts = new ArrayList<>();
        for (String competitor : List.of(Contender.RAW_JDBC, "mapper", "Hibernate")) {
            Harness.Measurement m = measurement(measurements, competitor);
            if (m != null) {
                parts.add(String.format(Locale.ROOT, "%s %.2f µs · %s", competitor.equals("mapper") ? "mapper ORM"
                        : competitor, Report.median(m.nanos()) / size / 1000,
                        Report.bytes(Report.median(m.allocatedBytes()) / size)));
            }
        }
        return String.join("; ", parts);
    }

    private String flushTimes(Database database, WorkloadId workload) {
        List<Harness.Measurement> measurements = figures.measurements(database, workload);
        Harness.Measurement mapper = measurement(measurements, "mapper");
        Harness.Measurement hibernate = measurement(measurements, "Hibernate");
        Harness.Measurement raw = measurement(measurements, Contender.RAW_JDBC);
        if (mapper == null) {
            return "-";
        }
        StringBuilder cell = new StringBuilder();
        if (raw != null) {
            cell.append("raw JDBC ").append(Report.millis(Report.median(raw.nanos()))).append("; ");
        }
        cell.append("mapper ").append(Report.millis(Report.median(mapper.nanos()))).append(" · ")
                .append(Report.bytes(Report.median(mapper.allocatedBytes())));
        if (hibernate != null) {
            cell.append("; Hibernate ").append(Report.millis(Report.median(hibernate.nanos())))
                    .append(String.format(Locale.ROOT, "; mapper / Hibernate %.2f",
                            Report.median(mapper.nanos()) / Report.median(hibernate.nanos())));
        }
        return cell.toString();
    }

    /** mapper's time (per row when {@code perRow}) at the largest size over the smallest. */
    private String growth(Database database, List<WorkloadId> workloads, boolean perRow) {
        Harness.Measurement small = measurement(figures.measurements(database, workloads.get(0)), "mapper");
        Harness.Measurement large = measurement(figures.measurements(database, workloads.get(2)), "mapper");
        if (small == null || large == null) {
            return "-";
        }
        double smallTime = Report.median(small.nanos()) / (perRow ? workloads.get(0).scaleSize(profile) : 1);
        double largeTime = Report.median(large.nanos()) / (perRow ? workloads.get(2).scaleSize(profile) : 1);
        return String.format(Locale.ROOT, "%.2f", largeTime / smallTime);
    }
}
