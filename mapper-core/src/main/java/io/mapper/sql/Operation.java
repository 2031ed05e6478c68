package io.mapper.sql;

import java.util.Locale;

/** The kind of work a statement does, as reported in the {@code db.operation.name} metric tag. */
public enum Operation {
    /** A query returning rows (SELECT, WITH ... SELECT, VALUES). */
    SELECT,
    /** An INSERT, or an upsert. */
    INSERT,
    /** An UPDATE. */
    UPDATE,
    /** A DELETE. */
    DELETE,
    /** A schema change: CREATE, ALTER, DROP, TRUNCATE, COMMENT. */
    DDL,
    /** Anything else: PRAGMA, SET, CALL, MERGE, transaction control. */
    OTHER;

    /** The lower-case tag value, as used in metrics. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Classifies hand-written SQL by its first keyword, skipping leading white space, comments and parentheses.
     * A {@code WITH} clause counts as a SELECT unless the statement it introduces is DML.
     */
    public static Operation classify(String sql) {
        String keyword = firstKeyword(sql, 0);
        if (keyword.equals("with")) {
            return classifyWith(sql);
        }
        return forKeyword(keyword);
    }

    private static Operation forKeyword(String keyword) {
        return switch (keyword) {
            case "select", "values", "table", "show", "explain", "describe" -> SELECT;
            case "insert", "replace" -> INSERT;
            case "update" -> UPDATE;
            case "delete" -> DELETE;
            case "create", "alter", "drop", "truncate", "comment", "rename" -> DDL;
            default -> OTHER;
        };
    }

    private static Operation classifyWith(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        // The operation of a CTE statement is the first DML keyword outside the CTE bodies; a cheap scan for
        // the main verbs is accurate enough for a metrics tag.
        int depth = 0;
        for (int i = 0; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0 && Character.isLetter(ch) && (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1)))) {
                String word = firstKeyword(lower, i);
                Operation operation = forKeyword(word);
                if (operation != OTHER && operation != DDL) {
                    return operation;
                }
            }
        }
        return SELECT;
    }

    private static String firstKeyword(String sql, int from) {
        int i = from;
        int length = sql.length();
        while (i < length) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch) || ch == '(') {
                i++;
            } else if (ch == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (ch == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < length && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toLowerCase(Locale.ROOT);
    }
}
