package io.mapper.compiler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.sql.Expression;
import io.mapper.sql.Operation;
import io.mapper.sql.StatementKind;
import io.mapper.types.SqlType;

/**
 * A statement rendered for one dialect: the JDBC SQL text and, for each {@code ?}, the key of the value bound there
 * and its SQL type (null for untyped values, such as those of hand-written text).
 *
 * <p>It holds no values, so one compiled statement serves every execution of statements with the same structure.
 */
public final class CompiledStatement {

    private final String sql;
    private final List<String> parameterKeys;
    /** The same keys as a set, to find a key an execution names that the statement does not have. */
    private final java.util.Set<String> keySet;
    private final List<String> generatedKeyColumns;
    private final Operation operation;
    private final StatementKind kind;
    private final List<@Nullable SqlType<?>> parameterTypes;
    private final List<Expression<?>> resultColumns;
    private final List<SqlType<?>> resultTypes;
    // What the engine derives from the first execution and reuses for every later one (the result's shape and
    // column readers): a compiled statement is shared by every execution of its structure.
    private volatile @Nullable Object executionCache;
    // The offsets of a single-row INSERT's VALUES group that may be repeated for many rows, else -1.
    private int valuesStart = -1;
    private int valuesEnd = -1;
    // The last two expansions (statements for n rows): a bulk insert uses its batch size and one remainder.
    private volatile @Nullable CompiledStatement expandedA;
    private volatile @Nullable CompiledStatement expandedB;
    private int expandedRows = 1;
    // The expanding INs (x IN (__[EXPANDING_key])) and where each placeholder starts; empty and null without any.
    private Expansion[] expansions = NO_EXPANSIONS;
    private int @Nullable [] placeholderOffsets;
    // The last two writings for given list sizes (a select-in load runs its chunk size and one remainder).
    private volatile @Nullable CompiledStatement writtenA;
    private volatile @Nullable CompiledStatement writtenB;
    // In a writing: the statement it was written from, and for each placeholder the source placeholder and the
    // index in its list (-1: a plain value).
    private @Nullable CompiledStatement origin;
    private int @Nullable [] sources;
    private int @Nullable [] elements;
    private int @Nullable [] writtenSizes;

    private static final Expansion[] NO_EXPANSIONS = new Expansion[0];

    /**
     * An expanding IN of the SQL: the placeholder of its list and the marker's offsets; the whole condition's
     * offsets and placeholders; and what replaces the condition when the list is empty.
     */
    record Expansion(int placeholder, int markerStart, int markerEnd, int start, int end, int firstPlaceholder,
            int endPlaceholder, String whenEmpty) {
    }

    /** A statement ready to run: its SQL with every expanding IN written out, and the value of each placeholder. */
    public record Expanded(CompiledStatement statement, List<@Nullable Object> values) {
    }

    /** A compiled statement; see the class description for each part. */
    public CompiledStatement(String sql, List<String> parameterKeys, List<String> generatedKeyColumns,
            Operation operation, StatementKind kind, List<@Nullable SqlType<?>> parameterTypes,
            List<Expression<?>> resultColumns) {
        this.sql = sql;
        this.parameterKeys = List.copyOf(parameterKeys);
        this.keySet = java.util.Set.copyOf(this.parameterKeys);
        this.generatedKeyColumns = List.copyOf(generatedKeyColumns);
        this.operation = operation;
        this.kind = kind;
        this.parameterTypes = Collections.unmodifiableList(new ArrayList<>(parameterTypes));
        this.resultColumns = List.copyOf(resultColumns);
        this.resultTypes = this.resultColumns.stream().<SqlType<?>>map(Expression::type).toList();
    }

    /** A compiled statement whose parameters and result columns have no declared types (hand-written SQL). */
    public CompiledStatement(String sql, List<String> parameterKeys, List<String> generatedKeyColumns,
            Operation operation, StatementKind kind) {
        this(sql, parameterKeys, generatedKeyColumns, operation, kind, List.of(), List.of());
    }

    /** Marks the VALUES group between these SQL offsets as repeatable; set by the compiler only. */
    void valuesGroup(int start, int end) {
        this.valuesStart = start;
        this.valuesEnd = end;
    }

    /** Records the expanding INs; set by the compiler only. */
    void expansions(List<Expansion> found, int[] offsets) {
        this.expansions = found.toArray(NO_EXPANSIONS);
        this.placeholderOffsets = offsets;
    }

    /**
     * Whether some placeholder holds the list of an IN ({@code __[EXPANDING_key]} in the SQL), so the statement must
     * be {@linkplain #expand expanded} for its values before it runs.
     */
    public boolean expands() {
        return expansions.length > 0;
    }

    /**
     * This statement for {@code values} (one per placeholder, as {@link #bindValues} gives them): each expanding IN
     * written with one placeholder per value of its list, or, for an empty list, the whole condition replaced by
     * one that is always false (IN) or always true (NOT IN). The writings for the last two list sizes are kept.
     *
     * @throws ArgumentException when the value of an expanding placeholder is not a collection, or holds a null
     */
    public Expanded expand(List<@Nullable Object> values) {
        if (expansions.length == 0) {
            return new Expanded(this, values);
        }
        List<?>[] lists = new List<?>[expansions.length];
        int[] sizes = new int[expansions.length];
        for (int i = 0; i < expansions.length; i++) {
            lists[i] = listOf(expansions[i], values.get(expansions[i].placeholder()));
            sizes[i] = lists[i].size();
        }
        CompiledStatement written = writtenFor(sizes);
        int[] sources = java.util.Objects.requireNonNull(written.sources);
        int[] elements = java.util.Objects.requireNonNull(written.elements);
        @Nullable Object[] bound = new Object[sources.length];
        for (int j = 0; j < sources.length; j++) {
            int element = elements[j];
            if (element < 0) {
                bound[j] = values.get(sources[j]);
            } else {
                bound[j] = lists[indexOfExpansion(sources[j])].get(element);
            }
        }
        return new Expanded(written, java.util.Arrays.asList(bound));
    }

    private int indexOfExpansion(int placeholder) {
        for (int i = 0; i < expansions.length; i++) {
            if (expansions[i].placeholder() == placeholder) {
                return i;
            }
        }
        throw new IllegalStateException("no expanding IN at placeholder " + placeholder);
    }

    private List<?> listOf(Expansion expansion, @Nullable Object value) {
        String key = parameterKeys.get(expansion.placeholder());
        if (!(value instanceof java.util.Collection<?> collection)) {
            throw new ArgumentException("The parameter :" + key + " holds the values of an IN, so it takes a "
                    + "collection (List.of(...)), not " + (value == null ? "null" : "a " + value.getClass()
                    .getSimpleName()) + ". Statement: [" + sql + "]");
        }
        List<?> list = collection instanceof List<?> given ? given : new ArrayList<>(collection);
        for (Object element : list) {
            if (element == null) {
                throw new ArgumentException("A null in the values of :" + key + " (IN) never matches in SQL; leave it "
                        + "out, and use isNull() for NULL checks. Statement: [" + sql + "]");
            }
        }
        return list;
    }

    private CompiledStatement writtenFor(int[] sizes) {
        CompiledStatement a = writtenA;
        if (a != null && java.util.Arrays.equals(a.writtenSizes, sizes)) {
            return a;
        }
        CompiledStatement b = writtenB;
        if (b != null && java.util.Arrays.equals(b.writtenSizes, sizes)) {
            return b;
        }
        CompiledStatement written = write(sizes);
        writtenB = a;
        writtenA = written;
        return written;
    }

    /** Writes the SQL for these list sizes, and where each of its placeholders takes its value from. */
    private CompiledStatement write(int[] sizes) {
        int[] offsets = java.util.Objects.requireNonNull(placeholderOffsets);
        Integer[] order = new Integer[expansions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // An empty list removes its whole condition; a list with values replaces only the marker.
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(
                i -> sizes[i] == 0 ? expansions[i].start() : expansions[i].markerStart()));
        StringBuilder text = new StringBuilder(sql.length() + 16);
        List<String> keys = new ArrayList<>();
        List<@Nullable SqlType<?>> types = new ArrayList<>();
        IntList sources = new IntList();
        IntList elements = new IntList();
        int position = 0;
        int placeholder = 0;
        for (int i : order) {
            Expansion expansion = expansions[i];
            boolean empty = sizes[i] == 0;
            int start = empty ? expansion.start() : expansion.markerStart();
            if (start < position) {
                continue;    // inside a condition an empty list removed
            }
            text.append(sql, position, start);
            while (placeholder < offsets.length && offsets[placeholder] < start) {
                keys.add(parameterKeys.get(placeholder));
                types.add(parameterType(placeholder));
                sources.add(placeholder);
                elements.add(-1);
                placeholder++;
            }
            if (empty) {
                text.append(expansion.whenEmpty());
                placeholder = expansion.endPlaceholder();
                position = expansion.end();
            } else {
                String key = parameterKeys.get(expansion.placeholder());
                for (int k = 0; k < sizes[i]; k++) {
                    text.append(k == 0 ? "?" : ", ?");
                    keys.add(key + "_" + (k + 1));
                    types.add(parameterType(expansion.placeholder()));
                    sources.add(expansion.placeholder());
                    elements.add(k);
                }
                placeholder = expansion.placeholder() + 1;
                position = expansion.markerEnd();
            }
        }
        text.append(sql, position, sql.length());
        while (placeholder < offsets.length) {
            keys.add(parameterKeys.get(placeholder));
            types.add(parameterType(placeholder));
            sources.add(placeholder);
            elements.add(-1);
            placeholder++;
        }
        CompiledStatement written = new CompiledStatement(text.toString(), keys, generatedKeyColumns, operation, kind,
                types, resultColumns);
        written.origin = this;
        written.sources = sources.toArray();
        written.elements = elements.toArray();
        written.writtenSizes = sizes.clone();
        return written;
    }

    /** A growable list of ints, for the writing's placeholder sources. */
    private static final class IntList {
        private int[] items = new int[16];
        private int size;

        void add(int item) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(items, size);
        }
    }

    /**
     * Whether this is a single-row INSERT whose VALUES group holds every placeholder, so that {@link #forRows} can
     * write it for many rows (SQLAlchemy's "insertmanyvalues").
     */
    public boolean repeatsValues() {
        return valuesStart >= 0;
    }

    /**
     * This INSERT for {@code rows} rows: its VALUES group written {@code rows} times, the placeholders' keys and
     * types repeated per row, so the values are bound row after row. The last two are kept: a bulk insert asks for
     * its batch size and one remainder.
     */
    public CompiledStatement forRows(int rows) {
        if (!repeatsValues()) {
            throw new IllegalStateException("Only a single-row INSERT whose VALUES hold every placeholder can be "
                    + "written for many rows: " + sql);
        }
        if (rows == 1) {
            return this;
        }
        CompiledStatement a = expandedA;
        if (a != null && a.expandedRows == rows) {
            return a;
        }
        CompiledStatement b = expandedB;
        if (b != null && b.expandedRows == rows) {
            return b;
        }
        String group = sql.substring(valuesStart, valuesEnd);
        StringBuilder text = new StringBuilder(sql.length() + (group.length() + 2) * (rows - 1));
        text.append(sql, 0, valuesEnd);
        for (int i = 1; i < rows; i++) {
            text.append(", ").append(group);
        }
        text.append(sql, valuesEnd, sql.length());
        List<String> keys = new ArrayList<>(parameterKeys.size() * rows);
        List<@Nullable SqlType<?>> types = new ArrayList<>(parameterKeys.size() * rows);
        for (int i = 0; i < rows; i++) {
            keys.addAll(parameterKeys);
            types.addAll(parameterTypes);
        }
        CompiledStatement expanded = new CompiledStatement(text.toString(), keys, generatedKeyColumns, operation,
                kind, types, resultColumns);
        expanded.expandedRows = rows;
        expandedB = a;
        expandedA = expanded;
        return expanded;
    }

    /** The SQL type of the placeholder at a 0-based position, or null when it is bound untyped. */
    public @Nullable SqlType<?> parameterType(int index) {
        return index < parameterTypes.size() ? parameterTypes.get(index) : null;
    }

    /** The SQL types of the returned columns, in order; empty when unknown. */
    public List<SqlType<?>> resultTypes() {
        return resultTypes;
    }

    /** The SQL text with {@code ?} placeholders. */
    public String sql() {
        return sql;
    }

    /** The parameter key for each placeholder, in order (a key may repeat). */
    public List<String> parameterKeys() {
        return parameterKeys;
    }

    /** The columns whose generated values the driver should return, or empty. */
    public List<String> generatedKeyColumns() {
        return generatedKeyColumns;
    }

    /** What the statement does. */
    public Operation operation() {
        return operation;
    }

    /** Which layer built it. */
    public StatementKind kind() {
        return kind;
    }

    /** The SQL type of each placeholder (null: bound untyped); empty when none is known. */
    public List<@Nullable SqlType<?>> parameterTypes() {
        return parameterTypes;
    }

    /** The expressions of the returned columns, in order, when the statement knows them. */
    public List<Expression<?>> resultColumns() {
        return resultColumns;
    }

    /**
     * What the engine derived from an earlier execution of this statement (its result's shape and readers), or
     * null; for the engine, not for applications.
     */
    public @Nullable Object executionCache() {
        CompiledStatement from = origin;
        return from != null ? from.executionCache : executionCache;
    }

    /** Keeps what the engine derived from an execution, for the next ones; for the engine, not for applications. */
    public void executionCache(Object derived) {
        CompiledStatement from = origin;
        if (from != null) {
            from.executionCache = derived;    // every writing of an expanding IN returns the same columns
        } else {
            executionCache = derived;
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CompiledStatement that && sql.equals(that.sql)
                && parameterKeys.equals(that.parameterKeys) && generatedKeyColumns.equals(that.generatedKeyColumns)
                && operation == that.operation && kind == that.kind && parameterTypes.equals(that.parameterTypes)
                && resultColumns.equals(that.resultColumns);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sql, parameterKeys, generatedKeyColumns, operation, kind, parameterTypes,
                resultColumns);
    }

    @Override
    public String toString() {
        return "CompiledStatement[" + sql + ", parameters " + parameterKeys + "]";
    }

    /**
     * The values for the placeholders, in order: taken from {@code executionValues} first, then from the values
     * the statement carries. A key present in neither is an error that names it, and so is a key of
     * {@code executionValues} the statement has no parameter of.
     */
    public List<@Nullable Object> bindValues(Map<String, ? extends @Nullable Object> statementValues,
            Map<String, ? extends @Nullable Object> executionValues) {
        if (parameterKeys.isEmpty()) {
            checkKnown(executionValues);
            return List.of();
        }
        List<@Nullable Object> values = new ArrayList<>(parameterKeys.size());
        int consumed = 0;
        for (String key : parameterKeys) {
            if (executionValues.containsKey(key)) {
                values.add(executionValues.get(key));
                consumed++;
            } else if (statementValues.containsKey(key)) {
                values.add(statementValues.get(key));
            } else {
                throw new ArgumentException("No value was given for the parameter :" + key + " of the statement ["
                        + sql + "]. Bind it with .bind(\"" + key + "\", value) or pass it in the parameter map.");
            }
        }
        // Keys all distinct and each given one consumed: nothing unknown, without a second lookup per key.
        if (consumed != executionValues.size() || keySet.size() != parameterKeys.size()) {
            checkKnown(executionValues);
        }
        return Collections.unmodifiableList(values);
    }

    /** Refuses a value given under a key the statement has no parameter of: a typo would otherwise bind nothing. */
    private void checkKnown(Map<String, ? extends @Nullable Object> executionValues) {
        for (String key : executionValues.keySet()) {
            if (!keySet.contains(key)) {
                throw unknownKey(key);
            }
        }
    }

    private ArgumentException unknownKey(String key) {
        return new ArgumentException("The parameter map names :" + key + ", which the statement [" + sql + "] does "
                + "not have" + (parameterKeys.isEmpty() ? " (it has no parameters)" : "; its parameters are :"
                + String.join(", :", new java.util.LinkedHashSet<>(parameterKeys))) + ". A value bound to a column or "
                + "compared with it is keyed by the column's name and a number (name_1): check the key's spelling, or "
                + "ask the statement with keyOf(parameter).");
    }
}
