package io.mapper.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.CompiledStatement;
import io.mapper.exception.ArgumentException;
import io.mapper.sql.Executable;
import io.mapper.sql.Insert;
import io.mapper.sql.ParameterSets;

/**
 * The executemany family of one {@link Connection}: JDBC batches of parameter sets ({@code executeMany}), rows by
 * position ({@code executeManyPositional}) and multi-row VALUES ({@code executeManyValues}, SQLAlchemy's
 * insertmanyvalues). The connection checks its state and arguments, then calls these; they run each statement
 * through the connection's own execution, so listeners, error translation and the value checks apply alike.
 */
final class ManyExecution {

    private final Connection connection;

    ManyExecution(Connection connection) {
        this.connection = connection;
    }

    /** The body of {@link Connection#executeMany}. */
    Result<Row> executeMany(Executable statement,
            List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        ParameterSets keyed = ParameterSets.of(statement, parameterSets);
        Executable prepared = keyed.statement();
        CompiledStatement compiled = connection.engine().compile(prepared, connection.dialect());
        if (!prepared.resultColumns().isEmpty()) {
            return executeManyReturning(keyed, compiled);
        }
        if (parameterSets.isEmpty()) {
            return new Result<>(Cursor.ofCount(connection, compiled.sql(), 0, List.of()), row -> row);
        }
        int batchSize = connection.engine().batchSize();
        // The statement's own values are the same for every parameter set: walk the statement once, not per row.
        Map<String, @Nullable Object> statementValues = prepared.boundValues();
        List<Map<String, @Nullable Object>> sets = keyed.sets();
        long total = 0;
        boolean countsKnown = true;
        List<Row> keys = new ArrayList<>();
        for (int start = 0; start < sets.size(); start += batchSize) {
            List<Map<String, @Nullable Object>> chunk = sets.subList(start, Math.min(sets.size(), start + batchSize));
            List<List<@Nullable Object>> rows = new ArrayList<>(chunk.size());
            for (Map<String, @Nullable Object> parameterSet : chunk) {
                rows.add(compiled.bindValues(statementValues, parameterSet));
            }
            Cursor cursor = runBatch(prepared, compiled, rows);
            if (cursor.rowCount() < 0) {
                countsKnown = false;
            } else {
                total += cursor.rowCount();
            }
            keys.addAll(cursor.generatedKeys());
        }
        return new Result<>(Cursor.ofCount(connection, compiled.sql(), countsKnown ? total : -1, keys), row -> row);
    }

    /** The body of {@link Connection#executeManyValues(Executable, List)}. */
    Result<Row> executeManyValues(Executable singleRowInsert, List<? extends List<? extends @Nullable Object>> rows) {
        CompiledStatement compiled = connection.engine().compile(singleRowInsert, connection.dialect());
        if (!compiled.repeatsValues()) {
            throw new ArgumentException("executeManyValues(...) needs a single-row INSERT whose values are all "
                    + "bound values, as insert(table).values(row) writes them; not [" + compiled.sql() + "]. Use "
                    + "executeMany(...) for other statements.");
        }
        requireWidth(rows, compiled, "executeManyValues", "the INSERT",
                "give one value per column, in the INSERT's column order.");
        return insertManyValues(singleRowInsert, compiled, rows);
    }

    /** The body of {@link Connection#executeManyPositional}. */
    Result<Row> executeManyPositional(Executable statement, List<? extends List<? extends @Nullable Object>> rows) {
        CompiledStatement compiled = connection.engine().compile(statement, connection.dialect());
        if (!compiled.resultColumns().isEmpty()) {
            throw new ArgumentException("executeManyPositional(...) runs JDBC batches, which return no rows; "
                    + "use executeMany(...) for a statement with RETURNING: [" + compiled.sql() + "]");
        }
        requireWidth(rows, compiled, "executeManyPositional", "the statement",
                "give one value per placeholder, in the order of the SQL: " + compiled.sql());
        @SuppressWarnings("unchecked")    // only read, and bound value by value
        List<List<@Nullable Object>> all = (List<List<@Nullable Object>>) rows;
        if (all.isEmpty()) {
            return new Result<>(Cursor.ofCount(connection, compiled.sql(), 0, List.of()), row -> row);
        }
        int batchSize = connection.engine().batchSize();
        long total = 0;
        boolean countsKnown = true;
        for (int start = 0; start < all.size(); start += batchSize) {
            List<List<@Nullable Object>> chunk = all.subList(start, Math.min(all.size(), start + batchSize));
            Cursor cursor = runBatch(statement, compiled, chunk);
            if (cursor.rowCount() < 0) {
                countsKnown = false;
            } else {
                total += cursor.rowCount();
            }
        }
        return new Result<>(Cursor.ofCount(connection, compiled.sql(), countsKnown ? total : -1, List.of()),
                row -> row);
    }

    /** Refuses a null row, or one whose number of values differs from the compiled statement's placeholders. */
    private static void requireWidth(List<? extends List<? extends @Nullable Object>> rows,
            CompiledStatement compiled, String method, String statement, String fix) {
        int width = compiled.parameterKeys().size();
        for (int i = 0; i < rows.size(); i++) {
            List<? extends @Nullable Object> row = rows.get(i);
            if (row == null) {    // the message only when it is needed: this runs once per row
                throw new NullPointerException("row " + (i + 1) + " of " + method + "(...) is null");
            }
            if (row.size() != width) {
                throw new ArgumentException("Row " + (i + 1) + " of " + method + "(...) has " + row.size()
                        + " values, but " + statement + " has " + width + " placeholders " + compiled.parameterKeys()
                        + "; " + fix);
            }
        }
    }

    /** Runs one JDBC batch of {@code statement}'s compiled form, a row of placeholder values per execution. */
    private Cursor runBatch(Executable statement, CompiledStatement compiled, List<List<@Nullable Object>> rows) {
        if (compiled.expands()) {
            // A JDBC batch runs one SQL text: every row's IN lists must be as long as the first row's.
            List<List<@Nullable Object>> expandedRows = new ArrayList<>(rows.size());
            CompiledStatement written = null;
            for (List<@Nullable Object> row : rows) {
                CompiledStatement.Expanded expanded = compiled.expand(row);
                if (written == null) {
                    written = expanded.statement();
                } else if (!expanded.statement().sql().equals(written.sql())) {
                    throw new ArgumentException("The parameter sets give IN lists of different lengths ("
                            + written.sql() + " against " + expanded.statement().sql() + "), but one batch runs one "
                            + "SQL text. Give lists of one length, or run execute(...) once per set.");
                }
                expandedRows.add(expanded.values());
            }
            compiled = java.util.Objects.requireNonNull(written);
            rows = expandedRows;
        }
        ExecutionContext context = new ExecutionContext(compiled.sql(), rows.get(0), rows.size(), compiled.operation(),
                compiled.kind(), statement.entityName(), statement.collectionName(), connection.dialect().name(),
                connection.dialect().target(), connection.route());
        return connection.run(compiled, context, rows);
    }

    // Placeholders per statement of a multi-row VALUES: below SQLite's 32,766 and every other database's limit.
    private static final int MAX_VALUES_PARAMETERS = 30_000;

    private Result<Row> insertManyValues(Executable statement, CompiledStatement compiled,
            List<? extends List<? extends @Nullable Object>> rows) {
        int width = Math.max(1, compiled.parameterKeys().size());
        int perStatement = Math.max(1, Math.min(connection.engine().batchSize(), MAX_VALUES_PARAMETERS / width));
        boolean returning = !compiled.resultColumns().isEmpty();
        List<Row> returned = new ArrayList<>(returning ? rows.size() : 0);
        RowShape shape = null;
        long total = 0;
        boolean countsKnown = true;
        for (int start = 0; start < rows.size(); start += perStatement) {
            int end = Math.min(rows.size(), start + perStatement);
            CompiledStatement expanded = compiled.forRows(end - start);
            List<@Nullable Object> values = new ArrayList<>((end - start) * width);
            for (int i = start; i < end; i++) {
                values.addAll(rows.get(i));
            }
            ExecutionContext context = new ExecutionContext(expanded.sql(), values, 1, expanded.operation(),
                    expanded.kind(), statement.entityName(), statement.collectionName(), connection.dialect().name(),
                    connection.dialect().target(), connection.route());
            Cursor cursor = connection.run(expanded, context, List.of(values));
            if (returning) {
                shape = collect(new Result<>(cursor, row -> row), returned, shape);
            } else if (cursor.rowCount() < 0) {
                countsKnown = false;
            } else {
                total += cursor.rowCount();
            }
        }
        if (returning && shape != null) {
            return new Result<>(Cursor.ofBuffered(connection, compiled.sql(), returned, shape), row -> row);
        }
        long count = returning ? 0 : countsKnown ? total : -1;
        return new Result<>(Cursor.ofCount(connection, compiled.sql(), count, List.of()), row -> row);
    }

    private Result<Row> executeManyReturning(ParameterSets keyed, CompiledStatement compiled) {
        if (compiled.repeatsValues() && !keyed.sets().isEmpty()) {
            // Compiled once, bound row after row: no multi-row statement object per batch.
            Map<String, @Nullable Object> statementValues = keyed.statement().boundValues();
            List<List<@Nullable Object>> rows = new ArrayList<>(keyed.sets().size());
            for (Map<String, @Nullable Object> set : keyed.sets()) {
                rows.add(compiled.bindValues(statementValues, set));
            }
            return insertManyValues(keyed.statement(), compiled, rows);
        }
        List<Row> returned = new ArrayList<>();
        RowShape shape = null;
        if (!keyed.rows().isEmpty()) {
            int batchSize = connection.engine().batchSize();
            List<Map<String, @Nullable Object>> rows = keyed.rows();
            for (int start = 0; start < rows.size(); start += batchSize) {
                Insert chunk = keyed.insertRows(rows.subList(start, Math.min(rows.size(), start + batchSize)));
                shape = collect(connection.executeOnce(chunk, Map.of()), returned, shape);
            }
        } else {
            for (Map<String, @Nullable Object> set : keyed.sets()) {
                shape = collect(connection.executeOnce(keyed.statement(), set), returned, shape);
            }
        }
        if (shape == null) {
            return new Result<>(Cursor.ofCount(connection, compiled.sql(), 0, List.of()), row -> row);
        }
        return new Result<>(Cursor.ofBuffered(connection, compiled.sql(), returned, shape), row -> row);
    }

    private static @Nullable RowShape collect(Result<Row> result, List<Row> into, @Nullable RowShape shape) {
        List<Row> rows = result.all();
        into.addAll(rows);
        return rows.isEmpty() ? shape : rows.get(0).shape();
    }
}
