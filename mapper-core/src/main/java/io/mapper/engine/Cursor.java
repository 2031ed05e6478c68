package io.mapper.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.CompiledStatement;
import io.mapper.dialect.Dialect;
import io.mapper.exception.ResourceClosedException;
import io.mapper.types.SqlType;

/**
 * The open JDBC statement and result set behind a {@link Result}: reads rows on demand and closes itself once the
 * last row is read, so an iteration that runs to the end leaves no cursor open.
 */
final class Cursor {

    private final Connection owner;
    private final String sql;
    private final @Nullable PreparedStatement statement;
    private @Nullable ResultSet resultSet;
    private final @Nullable RowShape shape;
    private final long rowCount;
    private final List<Row> generatedKeys;
    private boolean closed;
    private SqlType<?> @Nullable [] readers;
    private @Nullable List<Row> buffered;
    private int bufferedIndex;
    private @Nullable ExecutionContext readContext;
    private List<StatementListener> readListeners = List.of();
    private long readCount;

    private Cursor(Connection owner, String sql, @Nullable PreparedStatement statement, @Nullable ResultSet resultSet,
            @Nullable RowShape shape, long rowCount, List<Row> generatedKeys) {
        this.owner = owner;
        this.sql = sql;
        this.statement = statement;
        this.resultSet = resultSet;
        this.shape = shape;
        this.rowCount = rowCount;
        this.generatedKeys = generatedKeys;
        this.closed = resultSet == null;
    }

    static Cursor ofRows(Connection owner, String sql, PreparedStatement statement, ResultSet resultSet)
            throws SQLException {
        return new Cursor(owner, sql, statement, resultSet, RowShape.of(resultSet.getMetaData(), owner.dialect()), -1, List.of());
    }

    /** A cursor that reads each column with its SQL type when the compiled statement knows the result's columns. */
    static Cursor ofRows(Connection owner, CompiledStatement compiled, PreparedStatement statement,
            ResultSet resultSet) throws SQLException {
        Layout layout = compiled.executionCache() instanceof Layout known && known.dialect() == owner.dialect()
                ? known : null;
        if (layout == null) {
            layout = Layout.of(owner, compiled, resultSet);
            if (!compiled.resultColumns().isEmpty()) {
                // The columns are the statement's own, so every execution has this shape: derive it once.
                compiled.executionCache(layout);
            }
        }
        Cursor cursor = new Cursor(owner, compiled.sql(), statement, resultSet, layout.shape(), -1, List.of());
        cursor.readers = layout.readers();
        return cursor;
    }

    /** A result's shape and its column readers (null: read untyped), the same for every execution of a statement. */
    private record Layout(Dialect dialect, RowShape shape, SqlType<?> @Nullable [] readers) {

        static Layout of(Connection owner, CompiledStatement compiled, ResultSet resultSet) throws SQLException {
            RowShape shape = RowShape.of(resultSet.getMetaData(), owner.dialect(), compiled.resultColumns());
            List<SqlType<?>> types = compiled.resultTypes();
            SqlType<?>[] readers = null;
            if (!types.isEmpty() && types.size() == shape.size()) {
                readers = new SqlType<?>[types.size()];
                for (int i = 0; i < readers.length; i++) {
                    readers[i] = owner.dialect().resolveType(types.get(i));
                }
            }
            return new Layout(owner.dialect(), shape, readers);
        }
    }

    /** A cursor over rows already read (the RETURNING rows of an executemany). */
    static Cursor ofBuffered(Connection owner, String sql, List<Row> rows, RowShape shape) {
        Cursor cursor = new Cursor(owner, sql, null, null, shape, rows.size(), List.of());
        cursor.buffered = List.copyOf(rows);
        cursor.closed = false;
        return cursor;
    }

    static Cursor ofCount(Connection owner, String sql, long rowCount, List<Row> generatedKeys) {
        return new Cursor(owner, sql, null, null, null, rowCount, List.copyOf(generatedKeys));
    }

    /** Tells {@code listeners} how many rows were read once this cursor closes. */
    void reportReadsTo(ExecutionContext context, List<StatementListener> listeners) {
        context.markReturnsRows();
        if (!listeners.isEmpty()) {
            this.readContext = context;
            this.readListeners = listeners;
        }
    }

    boolean returnsRows() {
        return shape != null;
    }

    List<String> keys() {
        return shape == null ? List.of() : shape.labels();
    }

    long rowCount() {
        return rowCount;
    }

    List<Row> generatedKeys() {
        return generatedKeys;
    }

    String sql() {
        return sql;
    }

    /** The next row, or null at the end (after which the cursor is closed). */
    @Nullable Row next() {
        List<Row> rowsRead = buffered;
        if (rowsRead != null && !closed) {
            if (bufferedIndex < rowsRead.size()) {
                return rowsRead.get(bufferedIndex++);
            }
            close();
            return null;
        }
        if (closed || resultSet == null || shape == null) {
            throw closedError();
        }
        owner.checkUsable("read a result of");
        ResultSet rows = resultSet;
        try {
            if (!rows.next()) {
                close();
                return null;
            }
            int count = shape.size();
            @Nullable Object[] values = new Object[count];
            SqlType<?>[] typed = readers;
            if (typed != null) {
                for (int i = 0; i < count; i++) {
                    values[i] = typed[i].read(rows, i + 1);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    values[i] = rows.getObject(i + 1);
                }
            }
            readCount++;
            return new Row(shape, values);
        } catch (SQLException e) {
            close();
            throw owner.translate(e, sql, List.of());
        }
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (resultSet != null) {
                resultSet.close();
            }
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException ignored) {
            // A failing close leaves nothing for the caller to do; the connection's own close cleans up.
        } finally {
            resultSet = null;
            owner.forget(this);
        }
        ExecutionContext context = readContext;
        if (context != null) {
            readContext = null;
            for (StatementListener listener : readListeners) {
                listener.afterRead(context, readCount);
            }
        }
    }

    ResourceClosedException closedError() {
        if (shape == null) {
            return new ResourceClosedException("The statement [" + abbreviated(sql) + "] returned no rows. Use "
                    + "rowCount() for an INSERT, UPDATE or DELETE, generatedKeys() for generated keys, or add a "
                    + "RETURNING clause to get values back.");
        }
        return new ResourceClosedException("This Result is closed: its rows were already read (all(), one(), "
                + "first() and a finished iteration close it) or close() was called, or its connection was closed. "
                + "Execute the statement again to read the rows again. [SQL: " + abbreviated(sql) + "]");
    }

    static String abbreviated(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + " ...";
    }
}
