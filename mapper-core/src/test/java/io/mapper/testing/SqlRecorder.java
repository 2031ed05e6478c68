package io.mapper.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.mapper.engine.ExecutionContext;
import io.mapper.engine.StatementListener;

/**
 * Records every statement an engine executes, in order, so tests can assert exactly which SQL ran (SQLAlchemy's
 * {@code assert_sql_execution}). A JDBC batch is one recorded statement with its batch size: one round trip.
 */
public final class SqlRecorder implements StatementListener {

    /** One execution: the SQL as sent and how many parameter sets it carried. */
    public record Recorded(String sql, int batchSize, List<Object> parameters) {
    }

    private final List<Recorded> statements = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecute(ExecutionContext context) {
        statements.add(new Recorded(context.sql(), context.batchSize(),
                Collections.unmodifiableList(new ArrayList<>(context.parameters()))));
    }

    /** Forgets what was recorded so far. */
    public void clear() {
        statements.clear();
    }

    /** Everything recorded, in order. */
    public List<Recorded> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** The SQL of each recorded execution, in order, white space normalised. */
    public List<String> sql() {
        return statements().stream().map(recorded -> normalize(recorded.sql())).toList();
    }

    /** How many round trips (executions or batches) were recorded. */
    public int count() {
        return statements.size();
    }

    /** Runs {@code work} and returns only the SQL it executed. */
    public List<String> during(Runnable work) {
        int before = count();
        work.run();
        return sql().subList(before, count());
    }

    /** Asserts that exactly these statements ran, in this order (white space and keyword case ignored). */
    public void assertStatements(String... expected) {
        List<String> wanted = java.util.Arrays.stream(expected).map(SqlRecorder::normalize).toList();
        assertThat(sql().stream().map(sql -> sql.toLowerCase(Locale.ROOT)).toList())
                .as("statements executed, in order")
                .containsExactlyElementsOf(wanted.stream().map(sql -> sql.toLowerCase(Locale.ROOT)).toList());
    }

    /** Asserts how many round trips ran. */
    public void assertCount(int expected) {
        assertThat(count()).as("number of statements executed: %s", sql()).isEqualTo(expected);
    }

    static String normalize(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
