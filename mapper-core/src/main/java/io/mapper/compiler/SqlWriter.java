package io.mapper.compiler;

import java.util.ArrayList;
import java.util.List;

/** Accumulates SQL text and the parameter key of each placeholder while a compiler renders a statement. */
public final class SqlWriter {

    private final StringBuilder sql = new StringBuilder(128);
    private final List<String> parameterKeys = new ArrayList<>();
    private final IdentifierPreparer identifiers;

    public SqlWriter(IdentifierPreparer identifiers) {
        this.identifiers = identifiers;
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

    /** Appends a placeholder bound to the value with this key. */
    public SqlWriter bind(String key) {
        sql.append('?');
        parameterKeys.add(key);
        return this;
    }

    /** Appends an identifier, quoted when the dialect requires it. */
    public SqlWriter identifier(String name) {
        sql.append(identifiers.quote(name));
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

    /** The SQL written so far. */
    public String sql() {
        return sql.toString();
    }

    /** The parameter key of each placeholder written so far, in order. */
    public List<String> parameterKeys() {
        return List.copyOf(parameterKeys);
    }
}
