package io.mapper.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds OpenTelemetry's {@code db.query.summary} from SQL text ("Generating a summary of the query" in the database
 * semantic conventions): the operations and the tables they name, in the order they appear, without literals or
 * placeholders. {@code SELECT * FROM orders o JOIN customers c ON ...} gives {@code SELECT orders customers};
 * {@code INSERT INTO shipping SELECT ... FROM orders} gives {@code INSERT shipping SELECT orders}; DDL gives
 * {@code CREATE TABLE note}. Truncated to 255 characters between words.
 */
final class QuerySummary {

    private static final int MAXIMUM_LENGTH = 255;
    private static final Set<String> OPERATIONS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE",
            "UPSERT", "CALL", "TRUNCATE", "CREATE", "ALTER", "DROP", "PRAGMA");
    private static final Set<String> SCHEMA_OBJECTS = Set.of("TABLE", "INDEX", "SEQUENCE", "VIEW", "SCHEMA",
            "DATABASE", "TRIGGER", "FUNCTION", "PROCEDURE", "TYPE", "DOMAIN", "EXTENSION");
    /** Words that end a FROM list (an alias is any other word after a table). */
    private static final Set<String> CLAUSES = Set.of("WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS",
            "NATURAL", "ON", "USING", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "FETCH", "FOR", "UNION",
            "INTERSECT", "EXCEPT", "MINUS", "WINDOW", "RETURNING", "SET", "VALUES", "SELECT", "AS", "LATERAL",
            "STRAIGHT_JOIN", "OUTER", "DEFAULT", "WITH");

    private QuerySummary() {
    }

    static String of(String sql) {
        List<Token> tokens = tokenize(sql);
        List<String> parts = new ArrayList<>();
        Deque<Integer> statementDepths = new ArrayDeque<>();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.text().equals("(")) {
                depth++;
                continue;
            }
            if (token.text().equals(")")) {
                while (!statementDepths.isEmpty() && statementDepths.peek() >= depth) {
                    statementDepths.pop();
                }
                depth--;
                continue;
            }
            if (token.quoted()) {
                continue;
            }
            String word = token.text().toUpperCase(Locale.ROOT);
            if (word.equals("UPDATE") && i > 0 && Set.of("DO", "KEY", "FOR").contains(upper(tokens.get(i - 1)))) {
                continue;                       // ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE, FOR UPDATE
            }
            if (OPERATIONS.contains(word)) {
                i = operation(tokens, i, word, parts);
                statementDepths.push(depth);
            } else if ((word.equals("FROM") || word.equals("JOIN") || word.equals("INTO"))
                    && !statementDepths.isEmpty() && statementDepths.peek() == depth) {
                // FROM inside EXTRACT(YEAR FROM ...) or SUBSTRING(... FROM ...) sits deeper than its statement.
                i = targets(tokens, i + 1, parts, word.equals("FROM"));
            }
        }
        return truncate(parts);
    }

    /** Adds an operation (with its object kind and target for DDL, its table for UPDATE); returns the last index. */
    private static int operation(List<Token> tokens, int index, String word, List<String> parts) {
        int i = index;
        switch (word) {
            case "CREATE", "ALTER", "DROP" -> {
                StringBuilder operation = new StringBuilder(word);
                while (i + 1 < tokens.size() && !tokens.get(i + 1).quoted()
                        && !SCHEMA_OBJECTS.contains(upper(tokens.get(i + 1))) && isModifier(upper(tokens.get(i + 1)))) {
                    operation.append(' ').append(upper(tokens.get(++i)));
                }
                if (i + 1 < tokens.size() && SCHEMA_OBJECTS.contains(upper(tokens.get(i + 1)))) {
                    operation.append(' ').append(upper(tokens.get(++i)));
                }
                parts.add(operation.toString());
                i = skipIfExists(tokens, i);
                if (i + 1 < tokens.size() && tokens.get(i + 1).isName()) {
                    parts.add(tokens.get(++i).text());
                }
                return i;
            }
            case "UPDATE", "TRUNCATE", "CALL", "PRAGMA" -> {
                parts.add(word);
                if (word.equals("TRUNCATE") && i + 1 < tokens.size() && upper(tokens.get(i + 1)).equals("TABLE")) {
                    i++;
                }
                if (i + 1 < tokens.size() && tokens.get(i + 1).isName() && !isKeyword(tokens.get(i + 1))) {
                    parts.add(tokens.get(++i).text());
                }
                return i;
            }
            default -> {
                parts.add(word);
                return i;
            }
        }
    }

    private static boolean isModifier(String word) {
        return Set.of("UNIQUE", "OR", "TEMPORARY", "TEMP", "GLOBAL", "LOCAL", "MATERIALIZED", "UNLOGGED")
                .contains(word);
    }

    private static int skipIfExists(List<Token> tokens, int index) {
        int i = index;
        if (i + 1 < tokens.size() && upper(tokens.get(i + 1)).equals("IF")) {
            i++;
            while (i + 1 < tokens.size() && Set.of("NOT", "EXISTS").contains(upper(tokens.get(i + 1)))) {
                i++;
            }
        }
        return i;
    }

    /** Adds the table after FROM, JOIN or INTO and, in a FROM list, the tables after commas; returns the last index. */
    private static int targets(List<Token> tokens, int start, List<String> parts, boolean list) {
        int i = start;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (!token.isName() || isKeyword(token)) {
                return i - 1;                                   // a subquery, a function, or nothing to name
            }
            parts.add(token.text());
            i++;
            // Skip an alias: "orders o", "orders AS o".
            if (i < tokens.size() && upper(tokens.get(i)).equals("AS")) {
                i++;
            }
            if (i < tokens.size() && tokens.get(i).isName() && !isKeyword(tokens.get(i))) {
                i++;
            }
            if (!list || i >= tokens.size() || !tokens.get(i).text().equals(",")) {
                return i - 1;
            }
            i++;
        }
        return i - 1;
    }

    private static boolean isKeyword(Token token) {
        if (token.quoted()) {
            return false;
        }
        String word = upper(token);
        return CLAUSES.contains(word) || OPERATIONS.contains(word);
    }

    private static String upper(Token token) {
        return token.quoted() ? "" : token.text().toUpperCase(Locale.ROOT);
    }

    private static String truncate(List<String> parts) {
        StringBuilder summary = new StringBuilder();
        for (String part : parts) {
            int length = summary.length() + (summary.length() == 0 ? 0 : 1) + part.length();
            if (length > MAXIMUM_LENGTH) {
                break;
            }
            if (summary.length() > 0) {
                summary.append(' ');
            }
            summary.append(part);
        }
        return summary.toString();
    }

    /**
     * A word (an identifier or keyword, dotted parts kept together: {@code public.orders}), a quoted identifier
     * (kept with its quotes), or one punctuation character among {@code ( ) ,}. Literals, placeholders, numbers
     * and comments are dropped.
     */
    private record Token(String text, boolean quoted) {
        boolean isName() {
            return quoted || Character.isLetter(text.charAt(0)) || text.charAt(0) == '_';
        }
    }

    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char ch = sql.charAt(i);
            if (ch == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (ch == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if (ch == '\'') {
                i = skipQuoted(sql, i, '\'');                   // a string literal: never in a summary
            } else if (ch == '"' || ch == '`' || Character.isLetter(ch) || ch == '_') {
                int end = nameEnd(sql, i);
                tokens.add(new Token(sql.substring(i, end), ch == '"' || ch == '`'));
                i = end;
            } else if (ch == '(' || ch == ')' || ch == ',') {
                tokens.add(new Token(String.valueOf(ch), false));
                i++;
            } else {
                i++;                                            // operators, numbers, placeholders, ';'
                while (i < length && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return tokens;
    }

    /** The end of a possibly dotted, possibly quoted name such as {@code "my schema".orders}. */
    private static int nameEnd(String sql, int start) {
        int i = start;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == '"' || ch == '`') {
                i = skipQuoted(sql, i, ch);
            } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$') {
                i++;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
            } else {
                break;
            }
            if (i < sql.length() && sql.charAt(i) == '.' && i + 1 < sql.length()
                    && (Character.isLetter(sql.charAt(i + 1)) || "\"`_".indexOf(sql.charAt(i + 1)) >= 0)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipQuoted(String sql, int start, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;                                     // a doubled quote inside the quotes
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return i;
    }
}
