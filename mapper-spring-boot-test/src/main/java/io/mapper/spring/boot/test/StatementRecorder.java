package io.mapper.spring.boot.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.mapper.engine.ExecutionContext;
import io.mapper.engine.StatementListener;

/**
 * Records the SQL of every statement the engine executes, so tests can assert how many ran: the guard against N+1
 * queries. A JDBC batch counts as one statement (one round trip). Thread-safe; {@link #reset()} between phases.
 */
public final class StatementRecorder implements StatementListener {

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecute(ExecutionContext context) {
        statements.add(context.sql());
    }

    /** The SQL of each statement recorded since the last reset, in order. */
    public List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** How many statements ran since the last reset. */
    public int count() {
        return statements.size();
    }

    /** Forgets what was recorded. */
    public void reset() {
        statements.clear();
    }

    /** Throws an {@link AssertionError} listing the statements unless exactly {@code expected} ran. */
    public void assertCount(int expected) {
        List<String> seen = statements();
        if (seen.size() != expected) {
            throw new AssertionError("Expected " + expected + " statements but " + seen.size() + " ran:\n  "
                    + String.join("\n  ", seen));
        }
    }

    /** Throws an {@link AssertionError} listing the statements if more than {@code maximum} ran. */
    public void assertAtMost(int maximum) {
        List<String> seen = statements();
        if (seen.size() > maximum) {
            throw new AssertionError("Expected at most " + maximum + " statements but " + seen.size() + " ran:\n  "
                    + String.join("\n  ", seen));
        }
    }
}
