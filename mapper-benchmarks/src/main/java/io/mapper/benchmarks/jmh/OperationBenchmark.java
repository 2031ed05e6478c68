package io.mapper.benchmarks.jmh;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.mapper.benchmarks.BenchmarkMain;
import io.mapper.benchmarks.Competitor;
import io.mapper.benchmarks.Contender;
import io.mapper.benchmarks.Database;
import io.mapper.benchmarks.Fixture;
import io.mapper.benchmarks.Operations;
import io.mapper.benchmarks.Profile;
import io.mapper.benchmarks.WorkloadId;

/**
 * One operation of W4 (select by primary key, a connection or session each), W4b (a query built per call on an
 * open connection or session) or W5 (insert one row and commit), for one contender on one database: each
 * combination of the parameters runs in forks of its own. The operation is the contender's own {@link
 * Operations}, the code the harness runs; its result goes to JMH's blackhole as the return value.
 *
 * <p>Operations run in passes of {@link Profile#shortOperations()} over the fixture's pseudo-random ids; a new
 * pass (a new connection or session for W4b) starts when one ends, so every contender has the same pattern.
 * W5's table is emptied before every iteration (not measured). The fields are public because JMH sets them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OperationBenchmark {

    /** The workload's label: W4, W4b or W5. */
    @Param({"W4", "W4b", "W5"})
    public String workload = "W4";

    /** The database, as {@link Database} names it (lower case). */
    @Param({"h2", "sqlite", "postgresql"})
    public String database = "h2";

    /** The contender's {@link Contender#slug()}. */
    @Param({"raw", "mapper-core", "mapper-orm", "jdbctemplate", "hibernate", "jooq", "mybatis"})
    public String contender = "raw";

    /** The profile whose sizes the fixture takes ({@link Profile#forJmh()}). */
    @Param({"quick"})
    public String profile = "quick";

    private @Nullable Fixture fixture;
    private @Nullable Competitor competitor;
    private @Nullable Operations operations;
    private Operations.@Nullable Pass pass;
    private WorkloadId workloadId = WorkloadId.W4_PK_SELECT;
    private int passLength;
    private int index;

    /** Seeds the database and creates the one competitor this fork measures. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BenchmarkMain.quietLibraries();
        workloadId = WorkloadId.labelled(workload);
        if (!workloadId.isPerOperation()) {
            throw new IllegalArgumentException(workload + " is not a per-operation workload: use W4, W4b or W5");
        }
        Database db = Database.valueOf(database.toUpperCase(Locale.ROOT));
        String unavailable = db.unavailableReason();
        if (unavailable != null) {
            throw new IllegalStateException(db.title() + " cannot run: " + unavailable);
        }
        Profile sizes = Profile.named(profile).forJmh();
        fixture = new Fixture(db, sizes);
        fixture.create();
        passLength = sizes.shortOperations();
        competitor = BenchmarkMain.competitorFor(contender, fixture);
        for (Contender candidate : competitor.contenders().get(workloadId)) {
            if (candidate.slug().equals(contender)) {
                operations = candidate.operations();
            }
        }
        if (operations == null) {
            throw new IllegalArgumentException("No contender '" + contender + "' does " + workload);
        }
    }

    /** Empties W5's table, settles the server ({@link Fixture#settle()}) and opens the first pass. */
    @Setup(Level.Iteration)
    public void startIteration() throws Exception {
        if (workloadId == WorkloadId.W5_SINGLE_INSERT) {
            fixture().clearInserts();
        }
        fixture().settle();
        pass = operations().open();
        index = 0;
    }

    /** The measured operation: the next one of the pass, or the first of a new pass. */
    @Benchmark
    public Object operation() throws Exception {
        if (index == passLength) {
            pass().close();
            pass = operations().open();
            index = 0;
        }
        return pass().run(index++);
    }

    /** The index in its pass of the operation {@link #operation()} runs next (for the unit test's checks). */
    public int nextIndex() {
        return index == passLength ? 0 : index;
    }

    /** The fixture of this fork (for the unit test's checks). */
    public Fixture fixture() {
        if (fixture == null) {
            throw new IllegalStateException("setUp() has not run");
        }
        return fixture;
    }

    /** The workload measured. */
    public WorkloadId workloadId() {
        return workloadId;
    }

    private Operations operations() {
        if (operations == null) {
            throw new IllegalStateException("setUp() has not run");
        }
        return operations;
    }

    private Operations.Pass pass() {
        if (pass == null) {
            throw new IllegalStateException("startIteration() has not run");
        }
        return pass;
    }

    /** Closes the pass of the iteration. */
    @TearDown(Level.Iteration)
    public void endIteration() throws Exception {
        if (pass != null) {
            pass.close();
            pass = null;
        }
    }

    /** Closes the competitor and drops the fixture. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (competitor != null) {
            competitor.close();
        }
        if (fixture != null) {
            fixture.drop();
        }
    }
}
