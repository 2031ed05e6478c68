package io.mapper.engine;

import java.sql.Savepoint;

import io.mapper.exception.InvalidRequestException;
import io.mapper.exception.ResourceClosedException;

/**
 * A nested transaction (a SAVEPOINT) from {@link Connection#beginNested()}: {@link #commit()} releases it and keeps
 * its work in the enclosing transaction, {@link #rollback()} undoes only its work.
 *
 * <pre>{@code
 * try (Transaction savepoint = conn.beginNested()) {
 *     conn.execute(...);
 *     savepoint.commit();
 * }   // an exception before commit() rolls back to the savepoint; the outer work stays
 * }</pre>
 *
 * Closing it while still active rolls it back, and raises if it wrote anything (a forgotten commit).
 * Not thread-safe.
 */
public final class Transaction implements AutoCloseable {

    private final Connection connection;
    private final Savepoint savepoint;
    private final long writesAtStart;
    private boolean active = true;

    Transaction(Connection connection, Savepoint savepoint, long writesAtStart) {
        this.connection = connection;
        this.savepoint = savepoint;
        this.writesAtStart = writesAtStart;
    }

    /** Releases the savepoint; its work becomes part of the enclosing transaction. */
    public void commit() {
        requireActive("commit");
        connection.endNested(this, true);
    }

    /** Rolls back to the savepoint, undoing only the work done since {@code beginNested()}. */
    public void rollback() {
        requireActive("roll back");
        connection.endNested(this, false);
    }

    /** Whether neither commit nor rollback has ended it yet. */
    public boolean isActive() {
        return active;
    }

    /** Rolls back if still active; raises if the abandoned work included writes. */
    @Override
    public void close() {
        if (!active || connection.isClosed()) {
            active = false;
            return;
        }
        boolean wrote = connection.writeCount() != writesAtStart;
        connection.endNested(this, false);
        if (wrote) {
            throw new InvalidRequestException("A nested transaction (savepoint) was closed without commit() or "
                    + "rollback(); its writes were rolled back. Call commit() on it at the end of the block.");
        }
    }

    Savepoint savepoint() {
        return savepoint;
    }

    void markEnded() {
        active = false;
    }

    private void requireActive(String action) {
        if (!active) {
            throw new ResourceClosedException("Cannot " + action + " this nested transaction: it already ended "
                    + "(committed, rolled back, or ended with an enclosing transaction). Start a new one with "
                    + "conn.beginNested().");
        }
        connection.checkUsable(action + " a nested transaction on");
    }
}
