package io.mapper.compiler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.types.SqlType;

/**
 * Accumulates SQL text and the parameter key (and SQL type, where known) of each placeholder while a compiler
 * renders a statement. In display mode placeholders are written as {@code :key}, for {@code toString()}.
 */
public final class SqlWriter {

    private final StringBuilder sql = new StringBuilder(128);
    private final List<String> parameterKeys = new ArrayList<>();
    private final List<@Nullable SqlType<?>> parameterTypes = new ArrayList<>();
    private int[] offsets = new int[8];    // where each placeholder starts in the SQL
    private final List<CompiledStatement.Expansion> expansions = new ArrayList<>(0);
    private int markerPlaceholder = -1;
    private int markerStart = -1;
    private int markerEnd = -1;
    private final IdentifierPreparer identifiers;
    private final boolean namedParameters;
    private boolean checkLength;

    public SqlWriter(IdentifierPreparer identifiers) {
        this(identifiers, false);
    }

    /** A writer that writes {@code :key} instead of {@code ?} when {@code namedParameters} is set. */
    public SqlWriter(IdentifierPreparer identifiers, boolean namedParameters) {
        this.identifiers = identifiers;
        this.namedParameters = namedParameters;
    }

    /** Appends SQL text verbatim; only for text that the compiler or the user wrote, never for values. */
    public SqlWriter raw(String text) {
        sql.append(text);
        return this;
    }

    /** Appends a keyword, separated from what precedes it by one space. */
    public SqlWriter keyword(String keyword) {
        space();
        sql.append(keyword);
        return this;
    }

    /** Appends a placeholder bound to the value with this key, of no declared type. */
    public SqlWriter bind(String key) {
        return bind(key, null);
    }

    /** Appends a placeholder bound to the value with this key, bound through {@code type} when it is not null. */
    public SqlWriter bind(String key, @Nullable SqlType<?> type) {
        placeholderAt(sql.length());
        sql.append(namedParameters ? ":" + key : "?");
        parameterKeys.add(key);
        parameterTypes.add(type);
        return this;
    }

    /**
     * Appends the marker of an expanding parameter ({@code __[EXPANDING_key]}, as SQLAlchemy's
     * {@code __[POSTCOMPILE_key]}), which becomes one placeholder per value when the statement runs; the IN that
     * holds it then calls {@link #expansion}.
     */
    public SqlWriter bindExpanding(String key, @Nullable SqlType<?> type) {
        markerPlaceholder = parameterKeys.size();
        markerStart = sql.length();
        placeholderAt(markerStart);
        sql.append("__[EXPANDING_").append(key).append(']');
        markerEnd = sql.length();
        parameterKeys.add(key);
        parameterTypes.add(type);
        return this;
    }

    /**
     * Records the condition just written, from {@code start} and its placeholder {@code firstPlaceholder} on, as the
     * IN of the last expanding marker: an empty list replaces all of it with {@code whenEmpty}.
     */
    public void expansion(int start, int firstPlaceholder, String whenEmpty) {
        if (markerStart < 0) {
            throw new IllegalStateException("expansion(...) follows bindExpanding(...)");
        }
        expansions.add(new CompiledStatement.Expansion(markerPlaceholder, markerStart, markerEnd, start, sql.length(),
                firstPlaceholder, parameterKeys.size(), whenEmpty));
        markerStart = -1;
    }

    private void placeholderAt(int offset) {
        int index = parameterKeys.size();
        if (index == offsets.length) {
            offsets = java.util.Arrays.copyOf(offsets, index * 2);
        }
        offsets[index] = offset;
    }

    /** The expanding INs written so far, in the order they ended. */
    List<CompiledStatement.Expansion> expansions() {
        return expansions;
    }

    /** Where each placeholder written so far starts in the SQL. */
    int[] placeholderOffsets() {
        return java.util.Arrays.copyOf(offsets, parameterKeys.size());
    }

    /** Appends an identifier, quoted when the dialect requires it (and, in DDL, no longer than it allows). */
    public SqlWriter identifier(String name) {
        sql.append(identifiers.quote(checkLength ? identifiers.checkLength(name) : name));
        return this;
    }

    /** Makes {@link #identifier} refuse names longer than the database allows: DDL declares names, so it checks. */
    public SqlWriter checkingIdentifierLength() {
        this.checkLength = true;
        return this;
    }

    /** Appends a single space unless the text is empty or already ends in white space or an opening parenthesis. */
    public SqlWriter space() {
        int length = sql.length();
        if (length > 0) {
            char last = sql.charAt(length - 1);
            if (last != ' ' && last != '(' && last != '\n') {
                sql.append(' ');
            }
        }
        return this;
    }

    /** The length of the SQL written so far. */
    public int length() {
        return sql.length();
    }

    /** How many placeholders were written so far. */
    public int parameterCount() {
        return parameterKeys.size();
    }

    /** The SQL written so far. */
    public String sql() {
        return sql.toString();
    }

    /** The parameter key of each placeholder written so far, in order. */
    public List<String> parameterKeys() {
        return List.copyOf(parameterKeys);
    }

    /** The SQL type of each placeholder written so far, null where the value is bound without one. */
    public List<@Nullable SqlType<?>> parameterTypes() {
        return Collections.unmodifiableList(new ArrayList<>(parameterTypes));
    }
}
