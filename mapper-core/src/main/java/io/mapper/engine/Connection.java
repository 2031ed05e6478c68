package io.mapper.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mapper.compiler.CompiledStatement;
import io.mapper.dialect.Dialect;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.DatabaseException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.exception.NotSupportedException;
import io.mapper.exception.OperationalException;
import io.mapper.exception.ResourceClosedException;
import io.mapper.exception.TransientException;
import io.mapper.exception.UnstorableValueException;
import io.mapper.schema.DdlElement;
import io.mapper.schema.DdlExecutor;
import io.mapper.schema.DdlSession;
import io.mapper.schema.reflection.Inspectable;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Executable;
import io.mapper.sql.Insert;
import io.mapper.sql.ParameterSets;
import io.mapper.sql.Operation;
import io.mapper.sql.StatementKind;
import io.mapper.types.TypedValue;
import io.mapper.types.SqlType;
import io.mapper.types.ValueLimits;

/**
 * One database connection and its current transaction, from {@link Engine#connect()} or {@link Engine#begin()}.
 *
 * <p>Statements run inside a transaction that starts with the first of them and ends with {@link #commit()} or
 * {@link #rollback()}; {@link #beginNested()} opens a savepoint. Closing returns the connection to the pool and rolls
 * back anything uncommitted. Errors are translated into mapper's {@code DatabaseException} hierarchy.
 *
 * <p>Not thread-safe: use it from one thread at a time. Two threads executing on it at once are detected and the
 * second gets an {@link InvalidRequestException}.
 */
public final class Connection implements AutoCloseable, DdlExecutor, Inspectable {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private final Engine engine;
    private final java.sql.Connection jdbc;
    private final Dialect dialect;
    private final boolean externallyManaged;
    private final boolean explicitTransaction;
    private final AtomicReference<@Nullable Thread> activeThread = new AtomicReference<>();
    private final Deque<Transaction> nested = new ArrayDeque<>();
    private final List<Cursor> openCursors = new ArrayList<>(2);
    private final ManyExecution many = new ManyExecution(this);
    private static final int ISOLATION_UNKNOWN = Integer.MIN_VALUE;

    /** The level to restore on close; read only when a level is about to change (a round trip on PostgreSQL). */
    private int originalIsolation = ISOLATION_UNKNOWN;
    private boolean isolationChanged;
    private boolean readOnly;
    /** Where this connection goes (primary or a replica), asked of the provider at the first statement. */
    private @Nullable String route;
    private boolean closed;
    private boolean invalidated;
    private boolean inTransaction;
    /** {@link IsolationLevel#AUTOCOMMIT}: the JDBC connection is in auto-commit mode, every statement commits. */
    private boolean autocommit;
    /** Whether this connection switched the JDBC connection's auto-commit mode to its own, to restore on close. */
    private boolean autocommitChanged;
    private boolean originalAutocommit;
    private long writeCount;
    private long writesAtLastEnd;

    Connection(Engine engine, java.sql.Connection jdbc, Dialect dialect, boolean externallyManaged,
            boolean explicitTransaction, @Nullable IsolationLevel isolationLevel) throws SQLException {
        this.engine = engine;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.externallyManaged = externallyManaged;
        this.explicitTransaction = explicitTransaction;
        if (!externallyManaged) {
            dialect.initializeConnection(jdbc);
            autocommit = isolationLevel == IsolationLevel.AUTOCOMMIT;
            switchAutocommit(autocommit);
            if (isolationLevel != null && !autocommit) {
                rememberOriginalIsolation();
                if (isolationLevel.jdbcLevel() != originalIsolation) {
                    jdbc.setTransactionIsolation(isolationLevel.jdbcLevel());
                    isolationChanged = true;
                }
            }
        }
    }

    /** Executes a statement and returns its result; values come from the statement's own bindings. */
    public Result<Row> execute(Executable statement) {
        return execute(statement, Map.of());
    }

    /** Executes a statement with values for its named parameters (these override values bound on the statement). */
    public Result<Row> execute(Executable statement, Map<String, ? extends @Nullable Object> parameters) {
        Objects.requireNonNull(statement, "statement must not be null");
        Objects.requireNonNull(parameters, "parameters must not be null; pass Map.of() for none");
        enter("execute a statement on");
        try {
            return executeOnce(statement, parameters);
        } finally {
            exit();
        }
    }

    Result<Row> executeOnce(Executable statement, Map<String, ? extends @Nullable Object> parameters) {
        CompiledStatement compiled = engine.compile(statement, dialect);
        List<@Nullable Object> values = compiled.bindValues(statement.boundValues(), parameters);
        if (compiled.expands()) {
            CompiledStatement.Expanded expanded = compiled.expand(values);
            compiled = expanded.statement();
            values = expanded.values();
        }
        ExecutionContext context = new ExecutionContext(compiled.sql(), values, 1, compiled.operation(),
                compiled.kind(), statement.entityName(), statement.collectionName(), dialect.name(), dialect.target(), route());
        return new Result<>(run(compiled, context, List.of(values)), row -> row);
    }

    /**
     * Executes a statement once per parameter set as JDBC batches of the engine's batch size (SQLAlchemy's
     * executemany). The result's {@code rowCount()} is the total, or -1 if the driver did not report counts;
     * {@code generatedKeys()} holds the keys of all rows when the statement asks for them.
     *
     * <p>A parameter set names values by column name, as in SQLAlchemy: {@code executeMany(insert(customer), rows)}
     * takes the INSERT's columns from the first row, and every row must give the same columns (a missing one is an
     * {@link io.mapper.exception.ArgumentException} naming it); with {@code .values(template)} or an UPDATE's
     * {@code .set(...)}, a column name in a set replaces that column's value. Parameter keys ({@code name_1}) work
     * too ({@link ParameterSets}).
     *
     * <p>With RETURNING, the result holds every returned row, in parameter-set order: an INSERT is sent as one
     * multi-row {@code VALUES ... RETURNING} per batch, other statements once per set. Where the database cannot
     * return rows, compiling the statement refuses it before anything runs.
     */
    public Result<Row> executeMany(Executable statement, List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        Objects.requireNonNull(statement, "statement must not be null");
        Objects.requireNonNull(parameterSets, "parameterSets must not be null");
        enter("execute a statement on");
        try {
            return many.executeMany(statement, parameterSets);
        } finally {
            exit();
        }
    }

    /**
     * Inserts many rows given positionally, each row's values in the order of {@code columns}, as multi-row
     * {@code INSERT ... VALUES (...), (...)} statements of up to the engine's batch size (and at most about 30,000
     * placeholders each): SQLAlchemy's "insertmanyvalues". The INSERT is compiled once as a single-row statement whose
     * VALUES group is written once per row, and the values are bound row after row, so nothing is built per row.
     * {@code insert} may carry RETURNING; the result then holds every returned row (within one statement the database
     * decides their order; PostgreSQL, MariaDB and SQLite return VALUES order in practice, which is not a guarantee).
     *
     * <pre>{@code
     * connection.executeManyValues(insert(track).returning(track.column("id")),
     *         List.of(track.column("name"), track.column("ms")), List.of(List.of("Intro", 61_000), ...));
     * }</pre>
     *
     * @throws ArgumentException when {@code insert} has VALUES or a SELECT of its own, a column is not the table's
     *     or is given twice, or a row has another number of values than there are columns
     */
    public Result<Row> executeManyValues(Insert insert, List<? extends ColumnClause<?>> columns,
            List<? extends List<? extends @Nullable Object>> rows) {
        Objects.requireNonNull(insert, "insert must not be null");
        Objects.requireNonNull(columns, "columns must not be null");
        Objects.requireNonNull(rows, "rows must not be null");
        if (!insert.rows().isEmpty() || insert.select() != null) {
            throw new ArgumentException("executeManyValues(...) takes the values from its rows: pass insert("
                    + insert.table().name() + ") without .values(...) or a SELECT, and name the columns.");
        }
        if (columns.isEmpty() || new java.util.HashSet<>(columns).size() != columns.size()) {
            throw new ArgumentException("executeManyValues(...) needs the columns of the rows, each once; got "
                    + columns.stream().map(ColumnClause::name).toList() + ".");
        }
        Map<ColumnClause<?>, @Nullable Object> template = new java.util.LinkedHashMap<>();
        for (ColumnClause<?> column : columns) {
            template.put(column, null);
        }
        Insert single = insert.values(template);
        // The INSERT lists its columns in the table's order; each row is bound in that order.
        int[] order = new int[columns.size()];
        boolean identity = true;
        for (int i = 0; i < order.length; i++) {
            order[i] = columns.indexOf(single.columns().get(i));
            identity &= order[i] == i;
        }
        for (int i = 0; i < rows.size(); i++) {
            List<? extends @Nullable Object> row = rows.get(i);
            if (row == null) {
                throw new NullPointerException("row " + (i + 1) + " of executeManyValues(...) is null");
            }
            if (row.size() != columns.size()) {
                throw new ArgumentException("Row " + (i + 1) + " of executeManyValues(...) has " + row.size()
                        + " values for the " + columns.size() + " columns "
                        + columns.stream().map(ColumnClause::name).toList() + "; give one value per column, in "
                        + "that order.");
            }
        }
        if (identity) {
            return executeManyValues(single, rows);
        }
        List<List<@Nullable Object>> ordered = new ArrayList<>(rows.size());
        for (List<? extends @Nullable Object> row : rows) {
            @Nullable Object[] values = new Object[order.length];
            for (int i = 0; i < order.length; i++) {
                values[i] = row.get(order[i]);
            }
            ordered.add(java.util.Arrays.asList(values));
        }
        return executeManyValues(single, ordered);
    }

    /**
     * As {@link #executeManyValues(Insert, List, List)} for a single-row INSERT written already (its values all bound
     * values; a wrapper such as the ORM's, naming the entity, is fine): each row gives the values in the order of
     * the INSERT's columns, {@link Insert#columns()}, which is the table's order.
     *
     * @throws ArgumentException when the statement is not such an INSERT, or a row has another number of values
     */
    public Result<Row> executeManyValues(Executable singleRowInsert,
            List<? extends List<? extends @Nullable Object>> rows) {
        Objects.requireNonNull(singleRowInsert, "singleRowInsert must not be null");
        Objects.requireNonNull(rows, "rows must not be null");
        enter("execute a statement on");
        try {
            return many.executeManyValues(singleRowInsert, rows);
        } finally {
            exit();
        }
    }

    /**
     * Executes {@code statement} once per row as JDBC batches of the engine's batch size, each row giving the values
     * of the statement's placeholders in the order they appear in its SQL
     * ({@code statement.compile(dialect).parameterKeys()}): executemany without a map per row, for statements built
     * once and run with many value sets (an UPDATE by primary key, a DELETE). The statement's own bound values are
     * replaced by the rows'. The result's {@code rowCount()} is the total, or -1 if the driver did not report counts.
     *
     * <pre>{@code
     * Update rename = update(users).set(users.column("name"), "?").where(users.column("id").eq(0L));
     * connection.executeManyPositional(rename, List.of(List.of("sandy", 2L), List.of("gary", 4L)));
     * }</pre>
     *
     * @throws ArgumentException when a row has another number of values than the statement has placeholders, or the
     *     statement returns rows (use {@link #executeMany(Executable, List)} for RETURNING)
     */
    public Result<Row> executeManyPositional(Executable statement,
            List<? extends List<? extends @Nullable Object>> rows) {
        Objects.requireNonNull(statement, "statement must not be null");
        Objects.requireNonNull(rows, "rows must not be null");
        enter("execute a statement on");
        try {
            return many.executeManyPositional(statement, rows);
        } finally {
            exit();
        }
    }

    Cursor run(CompiledStatement compiled, ExecutionContext context, List<List<@Nullable Object>> rows) {
        for (List<@Nullable Object> values : rows) {
            refuseUnstorable(compiled, values);
        }
        List<StatementListener> listeners = engine.listeners();
        for (StatementListener listener : listeners) {
            listener.beforeExecute(context);
        }
        boolean batch = rows.size() > 1;
        long start = System.nanoTime();
        PreparedStatement statement = null;
        try {
            statement = dialect.prepareStatement(jdbc, compiled.sql(), compiled.generatedKeyColumns());
            if (!autocommit) {
                inTransaction = true;
                if (compiled.operation() != Operation.SELECT) {
                    writeCount++;
                }
            }
            Cursor cursor;
            if (batch) {
                for (List<@Nullable Object> values : rows) {
                    bind(statement, values, compiled);
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                cursor = Cursor.ofCount(this, compiled.sql(), sum(counts), generatedKeys(statement, compiled));
                statement.close();
            } else {
                bind(statement, rows.get(0), compiled);
                if (engine.fetchSize() > 0) {
                    statement.setFetchSize(engine.fetchSize());
                }
                ResultSet resultSet = returnsRows(compiled) ? statement.executeQuery()
                        : statement.execute() ? statement.getResultSet() : null;
                if (resultSet != null) {
                    cursor = Cursor.ofRows(this, compiled, statement, resultSet);
                    cursor.reportReadsTo(context, listeners);
                    openCursors.add(cursor);
                } else {
                    long count = statement.getUpdateCount();
                    cursor = Cursor.ofCount(this, compiled.sql(), count, generatedKeys(statement, compiled));
                    statement.close();
                }
            }
            long elapsed = System.nanoTime() - start;
            for (StatementListener listener : listeners) {
                listener.afterExecute(context, elapsed, cursor.rowCount());
            }
            return cursor;
        } catch (SQLException e) {
            long elapsed = System.nanoTime() - start;
            closeQuietly(statement);
            DatabaseException error = translate(e, compiled.sql(), rows.get(0));
            for (StatementListener listener : listeners) {
                listener.onError(context, elapsed, error);
            }
            throw error;
        } catch (RuntimeException e) {
            // A value the dialect refuses to bind (a TypedValue of the wrong class) must not leak the statement.
            closeQuietly(statement);
            throw e;
        }
    }

    /**
     * Whether the compiled statement returns rows for certain: a SELECT, or a statement with RETURNING that mapper
     * rendered. Those run with {@code executeQuery()}, which spares drivers the work {@code execute()} does for a
     * statement that may not (the SQLite driver looks up the last inserted rowid after every {@code execute()}).
     * Hand-written text keeps {@code execute()}: only the database knows what it returns.
     */
    private static boolean returnsRows(CompiledStatement compiled) {
        return !compiled.resultColumns().isEmpty() && compiled.kind() != StatementKind.TEXT;
    }

    /**
     * Refuses, before anything is sent, a value its column cannot store exactly (see {@link ValueLimits}), so that
     * every database answers the same {@link UnstorableValueException} instead of storing something else (SQLite, or
     * a rounded decimal) or failing in its own way.
     */
    private void refuseUnstorable(CompiledStatement compiled, List<@Nullable Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            SqlType<?> type = compiled.parameterType(i);
            if (value instanceof TypedValue<?> typed) {
                type = typed.type();
                value = typed.value();
            }
            ValueLimits.Violation violation = ValueLimits.check(type, value);
            if (violation == null && type != null && value != null) {
                violation = dialect.unstorable(type, value);    // the declared type: no resolution per value
            }
            if (violation != null) {
                String key = i < compiled.parameterKeys().size() ? compiled.parameterKeys().get(i) : "?" + (i + 1);
                String column = columnOf(key);
                throw new UnstorableValueException("The value for " + (column == null ? "parameter :" + key
                        : "column \"" + column + "\" (parameter :" + key + ")") + " " + violation.reason()
                        + ". It was refused before reaching the database; nothing was written.\n[SQL: "
                        + compiled.sql() + "]", column, key, compiled.sql(), violation.sqlState());
            }
        }
    }

    /** The column a compiler's parameter key is named after ({@code stock} for {@code stock_1}), or null. */
    private static @Nullable String columnOf(String key) {
        String name = key.replaceFirst("_[0-9]+$", "");
        return name.isEmpty() || name.equals("param") ? null : name;
    }

    private void bind(PreparedStatement statement, List<@Nullable Object> values, CompiledStatement compiled)
            throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            SqlType<?> type = compiled.parameterType(i);
            if (value instanceof TypedValue<?> typed) {
                // A value with a declared type is bound through the dialect's implementation of that type.
                dialect.bindTyped(statement, i + 1, typed.value(), typed.type());
            } else if (type != null) {
                dialect.bindTyped(statement, i + 1, value, type);
            } else {
                dialect.bindParameter(statement, i + 1, value);
            }
        }
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int count : counts) {
            if (count < 0) {
                return -1;
            }
            total += count;
        }
        return total;
    }

    private List<Row> generatedKeys(PreparedStatement statement, CompiledStatement compiled)
            throws SQLException {
        if (compiled.generatedKeyColumns().isEmpty()) {
            return List.of();
        }
        List<Row> keys = new ArrayList<>();
        try (ResultSet resultSet = statement.getGeneratedKeys()) {
            RowShape shape = RowShape.of(resultSet.getMetaData(), dialect);
            while (resultSet.next()) {
                @Nullable Object[] values = new Object[shape.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = resultSet.getObject(i + 1);
                }
                keys.add(new Row(shape, values));
            }
        }
        return keys;
    }

    // ---- DDL for the schema layer (issue 3, schema half) ----

    /**
     * Runs schema work ({@code metadata.createAll(conn)}) on this connection, inside its current transaction: the
     * caller commits. {@code metadata.createAll(engine)} instead runs in a transaction of its own.
     */
    @Override
    public void runDdl(Consumer<DdlSession> work) {
        Objects.requireNonNull(work, "work must not be null");
        work.accept(new ConnectionDdlSession(this));
    }

    /** The schema a table declared in {@code schema} lives in on this connection: the engine's translation applied. */
    @Nullable String translateSchema(@Nullable String schema) {
        return engine.schemaTranslation().translate(schema);
    }

    /** Compiles a DDL element for this connection's dialect and executes it, with listeners and error translation. */
    void executeDdl(DdlElement element) {
        enter("execute DDL on");
        try {
            CompiledStatement compiled = dialect.newDdlCompiler().translateSchemas(engine.schemaTranslation())
                    .compile(element);
            ExecutionContext context = new ExecutionContext(compiled.sql(), List.of(), 1, compiled.operation(),
                    compiled.kind(), null, null, dialect.name(), dialect.target(), route());
            run(compiled, context, List.of(List.of())).close();
        } finally {
            exit();
        }
    }

    /** Commits the current transaction; the next statement starts a new one. */
    public void commit() {
        enter("commit");
        try {
            requireOwnTransaction("commit()");
            endAllNested();
            if (!autocommit) {
                jdbc.commit();    // in AUTOCOMMIT every statement committed already; the driver would refuse
            }
            endTransaction();
        } catch (SQLException e) {
            DatabaseException failure = translate(e, "COMMIT", List.of());
            if (failure instanceof TransientException lost && lost.reason() == TransientException.Reason.CONNECTION_LOST) {
                // The COMMIT may have reached the database before the connection broke: the outcome is unknown, so
                // repeating the transaction could apply it twice. Not transient.
                throw new OperationalException("The connection was lost during COMMIT, so whether the transaction "
                        + "was committed is unknown. Check the data before repeating the work; do not retry it "
                        + "blindly.", "COMMIT", List.of(), lost.sqlState(), lost.vendorCode(), e);
            }
            throw failure;
        } finally {
            exit();
        }
    }

    /** Rolls back the current transaction, including any open savepoints. */
    public void rollback() {
        enter("roll back");
        try {
            requireOwnTransaction("rollback()");
            endAllNested();
            if (!autocommit) {
                jdbc.rollback();    // in AUTOCOMMIT there is nothing to undo
            }
            endTransaction();
        } catch (SQLException e) {
            throw translate(e, "ROLLBACK", List.of());
        } finally {
            exit();
        }
    }

    void rollbackQuietly(Throwable cause) {
        if (closed || externallyManaged) {
            return;
        }
        try {
            endAllNested();
            if (!autocommit) {
                jdbc.rollback();
            }
            endTransaction();
        } catch (SQLException e) {
            cause.addSuppressed(translate(e, "ROLLBACK", List.of()));
        }
    }

    /** Opens a nested transaction (a SAVEPOINT) inside the current one. */
    public Transaction beginNested() {
        enter("begin a nested transaction on");
        try {
            if (!dialect.supportsSavepoints()) {
                throw new NotSupportedException("The " + dialect.name() + " database does not support savepoints, "
                        + "so beginNested() is not available. Use separate transactions instead.", null, List.of(),
                        null, 0, null);
            }
            if (autocommit) {
                throw new InvalidRequestException("This connection runs in IsolationLevel.AUTOCOMMIT, where every "
                        + "statement commits on its own, so there is no transaction for a savepoint to nest in. Use a "
                        + "connection with a transaction (engine.connect() on an engine without AUTOCOMMIT, or call "
                        + "connection.isolationLevel(IsolationLevel.READ_COMMITTED) first).");
            }
            inTransaction = true;
            Savepoint savepoint = jdbc.setSavepoint();
            Transaction transaction = new Transaction(this, savepoint, writeCount);
            nested.push(transaction);
            return transaction;
        } catch (SQLException e) {
            throw translate(e, "SAVEPOINT", List.of());
        } finally {
            exit();
        }
    }

    void endNested(Transaction transaction, boolean commit) {
        enter(commit ? "release a savepoint on" : "roll back a savepoint on");
        try {
            // Ending a savepoint ends every savepoint opened after it, as it does in the database.
            while (!nested.isEmpty() && nested.peek() != transaction) {
                nested.pop().markEnded();
            }
            nested.poll();
            transaction.markEnded();
            if (commit) {
                jdbc.releaseSavepoint(transaction.savepoint());
            } else {
                jdbc.rollback(transaction.savepoint());
            }
        } catch (SQLException e) {
            throw translate(e, commit ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT", List.of());
        } finally {
            exit();
        }
    }

    private void endAllNested() {
        while (!nested.isEmpty()) {
            nested.pop().markEnded();
        }
    }

    private void endTransaction() {
        inTransaction = false;
        writesAtLastEnd = writeCount;
    }

    /**
     * Sets the isolation level of this connection's transactions; call it before the first statement of a
     * transaction (or right after a commit). The engine-wide level is restored when the connection closes.
     */
    public void isolationLevel(IsolationLevel level) {
        Objects.requireNonNull(level, "level must not be null");
        enter("set the isolation level of");
        try {
            requireNoTransaction("the isolation level");
            if (externallyManaged) {
                throw new InvalidRequestException("The isolation level of this connection is the outer transaction "
                        + "manager's (for example Spring's @Transactional(isolation = ...)); set it there.");
            }
            autocommit = level == IsolationLevel.AUTOCOMMIT;
            switchAutocommit(autocommit);
            if (!autocommit) {
                rememberOriginalIsolation();
                jdbc.setTransactionIsolation(level.jdbcLevel());
                isolationChanged = true;
            }
        } catch (SQLException e) {
            throw translate(e, null, List.of());
        } finally {
            exit();
        }
    }

    /** The isolation level currently in effect. */
    public IsolationLevel isolationLevel() {
        checkUsable("read the isolation level of");
        if (autocommit) {
            return IsolationLevel.AUTOCOMMIT;
        }
        try {
            int level = jdbc.getTransactionIsolation();
            for (IsolationLevel candidate : IsolationLevel.values()) {
                if (candidate.jdbcLevel() == level) {
                    return candidate;
                }
            }
            return IsolationLevel.READ_COMMITTED;
        } catch (SQLException e) {
            throw translate(e, null, List.of());
        }
    }

    /**
     * Makes the following transactions read-only (the database refuses writes) or read-write; call it before the
     * first statement of a transaction. Reset when the connection closes.
     */
    public void readOnly(boolean readOnly) {
        enter("change the read-only mode of");
        try {
            requireNoTransaction("read-only mode");
            dialect.setReadOnly(jdbc, readOnly);
            this.readOnly = readOnly;
        } catch (SQLException e) {
            throw translate(e, null, List.of());
        } finally {
            exit();
        }
    }

    /**
     * Where this connection's statements go: {@code "primary"} ({@link ReplicaSet#PRIMARY}) or the name of the
     * replica a read-only connection was routed to.
     */
    public String route() {
        String known = route;
        if (known == null) {
            known = engine.provider().route(jdbc);
            route = known;
        }
        return known;
    }

    /** Whether {@link #readOnly(boolean)} switched this connection to read-only. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Whether this connection runs without a transaction ({@link IsolationLevel#AUTOCOMMIT}): every statement
     * commits as it completes.
     */
    public boolean isAutocommit() {
        return autocommit;
    }

    /** Whether a transaction is under way (a statement ran since the last commit or rollback). */
    public boolean inTransaction() {
        return inTransaction;
    }

    // Reflection ------------------------------------------------------------------------------------------------

    /** An inspector that reads through this connection, inside its transaction; {@code Inspector.of(connection)}. */
    @Override
    public Inspector inspect() {
        return Inspector.of(this);
    }

    /** The dialect of the connection's database. */
    public Dialect dialect() {
        return dialect;
    }

    /** The engine this connection came from. */
    public Engine engine() {
        return engine;
    }

    /**
     * The underlying JDBC connection, for work mapper does not cover. Do not commit, roll back or close it yourself;
     * use this connection's methods, so mapper's state stays right.
     */
    public java.sql.Connection jdbcConnection() {
        checkUsable("use the JDBC connection of");
        // What the caller runs on it (reflection's catalog queries, for one) may start a transaction mapper did not
        // see; counting it as under way makes close() roll it back instead of pooling an open transaction.
        inTransaction = !autocommit;
        return jdbc;
    }

    /** Whether an outer transaction manager owns this connection's transaction (mapper neither commits nor rolls back). */
    public boolean isExternallyManaged() {
        return externallyManaged;
    }

    /** Whether a lost connection was detected; it is discarded instead of returned to the pool on close. */
    public boolean isInvalidated() {
        return invalidated;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes open results, rolls back anything uncommitted and returns the connection to the pool. A connection from
     * {@link Engine#begin()} that still holds uncommitted writes raises after rolling them back, so that a forgotten
     * {@code commit()} is never silent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        enter("close");
        boolean uncommittedWrites = writeCount != writesAtLastEnd;
        try {
            for (Cursor cursor : List.copyOf(openCursors)) {
                cursor.close();
            }
            if (!externallyManaged && !invalidated) {
                if (inTransaction && !uncommittedWrites && nested.isEmpty() && dialect.endsReadOnlyWorkWithCommit()) {
                    // Nothing to undo; cheaper for the database (see the dialect). When the pool's connections
                    // auto-commit, restoring that mode below commits the transaction (JDBC's contract for
                    // setAutoCommit), one statement fewer than COMMIT first (the SQLite driver's commit() also
                    // begins the next transaction at once, which restoring auto-commit then commits again).
                    if (!(autocommitChanged && originalAutocommit)) {
                        jdbc.commit();
                    }
                } else if (inTransaction) {
                    jdbc.rollback();
                }
                restoreSettings();
            }
        } catch (SQLException e) {
            // The connection is broken (dropped, killed); the pool discards it, and nothing is left to roll back.
            log.debug("Rolling back on close failed; the pool will discard the connection", e);
        } finally {
            closed = true;
            exit();
            if (invalidated) {
                engine.invalidateQuietly(jdbc);
            } else {
                engine.releaseQuietly(jdbc);
            }
        }
        if (explicitTransaction && uncommittedWrites && !externallyManaged) {
            throw new InvalidRequestException("A connection from engine.begin() was closed with uncommitted writes, "
                    + "which were rolled back. Call conn.commit() at the end of the block, or use "
                    + "engine.begin(conn -> ...), which commits when the block returns and rolls back when it throws.");
        }
    }

    /**
     * Reads the pool's isolation level once, before this connection first changes it. Reading it at every checkout
     * cost PostgreSQL a round trip ({@code SHOW TRANSACTION ISOLATION LEVEL}) for nothing.
     */
    private void rememberOriginalIsolation() throws SQLException {
        if (originalIsolation == ISOLATION_UNKNOWN) {
            originalIsolation = jdbc.getTransactionIsolation();
        }
    }

    /**
     * Puts the JDBC connection in auto-commit mode for {@link IsolationLevel#AUTOCOMMIT}, else in manual-commit mode
     * (a transaction begins with the first statement); the pool's own mode is restored on close.
     */
    private void switchAutocommit(boolean on) throws SQLException {
        boolean current = jdbc.getAutoCommit();
        if (current != on) {
            if (!autocommitChanged) {
                originalAutocommit = current;
                autocommitChanged = true;
            }
            jdbc.setAutoCommit(on);
        }
    }

    private void restoreSettings() throws SQLException {
        if (autocommitChanged && jdbc.getAutoCommit() != originalAutocommit) {
            jdbc.setAutoCommit(originalAutocommit);
        }
        if (isolationChanged) {
            jdbc.setTransactionIsolation(originalIsolation);
        }
        if (readOnly) {
            dialect.setReadOnly(jdbc, false);
        }
    }

    long writeCount() {
        return writeCount;
    }

    void forget(Cursor cursor) {
        openCursors.remove(cursor);
    }

    DatabaseException translate(SQLException exception, @Nullable String sql, List<@Nullable Object> parameters) {
        boolean lost = !invalidated && dialect.errorTranslator().isDisconnect(exception);
        if (lost) {
            // The connection is gone; the pool must not hand it out again.
            invalidated = true;
        }
        DatabaseException translated = dialect.errorTranslator().translate(exception, sql, parameters,
                engine.logParameters());
        if (lost) {
            engine.connectionLost(jdbc, translated);
        }
        return translated;
    }

    /** Raises {@link ResourceClosedException} if closed; {@code action} completes "Cannot ... a closed Connection". */
    void checkUsable(String action) {
        if (closed) {
            throw new ResourceClosedException("Cannot " + action + " a closed Connection. Open a new one with "
                    + "engine.connect() or engine.begin(), and keep the work inside its try-with-resources block.");
        }
    }

    private void requireOwnTransaction(String operation) {
        if (externallyManaged) {
            throw new InvalidRequestException(operation + " is not allowed here: the transaction on this connection "
                    + "is managed by the caller's transaction manager (for example Spring's @Transactional). Let it "
                    + "commit or roll back.");
        }
    }

    private void requireNoTransaction(String setting) {
        if (inTransaction || !nested.isEmpty()) {
            throw new InvalidRequestException("Cannot change " + setting + " in the middle of a transaction. Set it "
                    + "before the first statement, or after commit() or rollback().");
        }
    }

    private void enter(String action) {
        checkUsable(action);
        Thread current = Thread.currentThread();
        Thread holder = activeThread.get();
        if (holder == current) {
            return;
        }
        if (!activeThread.compareAndSet(null, current)) {
            Thread other = activeThread.get();
            throw new InvalidRequestException("This Connection is in use by thread '"
                    + (other == null ? "?" : other.getName()) + "' while thread '" + current.getName()
                    + "' tries to " + action.replace(" on", "").replace(" of", "") + " it. A Connection is not "
                    + "thread-safe: give each thread its own from engine.connect().");
        }
    }

    private void exit() {
        activeThread.compareAndSet(Thread.currentThread(), null);
    }

    private static void closeQuietly(@Nullable PreparedStatement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // The statement already failed; its error is the one to report.
            }
        }
    }
}
