package io.mapper.dialect.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What SQLite keeps only in the text of a {@code CREATE TABLE} statement ({@code sqlite_master.sql}): constraint
 * names, CHECK conditions, {@code AUTOINCREMENT} and {@code WITHOUT ROWID}. The pragmas report the keys themselves
 * but none of these, so the statement is tokenised here (quotes, brackets, backticks and comments respected) and its
 * column definitions and table constraints are read.
 *
 * @param primaryKeyName the name given to the primary key, if any
 * @param uniques the UNIQUE constraints as declared, with their names where given
 * @param foreignKeys the foreign keys as declared (their referring columns), with their names where given
 * @param checks the CHECK constraints, with their names where given
 * @param autoincrementColumns the columns declared {@code AUTOINCREMENT}
 * @param withoutRowid whether the table is {@code WITHOUT ROWID}
 */
record SqliteTableDefinition(@Nullable String primaryKeyName, List<Named> uniques, List<Named> foreignKeys,
        List<Check> checks, Set<String> autoincrementColumns, boolean withoutRowid) {

    /** A constraint over some columns, named or not. */
    record Named(@Nullable String name, List<String> columns) {

        /** Whether this constraint is over exactly these columns (SQLite compares names case-insensitively). */
        boolean covers(List<String> otherColumns) {
            if (columns.size() != otherColumns.size()) {
                return false;
            }
            for (int i = 0; i < columns.size(); i++) {
                if (!columns.get(i).equalsIgnoreCase(otherColumns.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A CHECK constraint: its name if given, and the condition's text. */
    record Check(@Nullable String name, String condition) {
    }

    /** Reads a {@code CREATE TABLE} statement; a statement it cannot read yields an empty definition. */
    static SqliteTableDefinition parse(@Nullable String sql) {
        if (sql == null) {
            return new SqliteTableDefinition(null, List.of(), List.of(), List.of(), Set.of(), false);
        }
        return new Parser(sql, tokenize(sql)).parse();
    }

    /** The name given to the unique constraint over these columns, if one was named. */
    @Nullable String uniqueName(List<String> columns) {
        return uniques.stream().filter(unique -> unique.covers(columns)).map(Named::name)
                .filter(name -> name != null).findFirst().orElse(null);
    }

    /** The name given to the foreign key over these columns, if one was named. */
    @Nullable String foreignKeyName(List<String> columns) {
        return foreignKeys.stream().filter(key -> key.covers(columns)).map(Named::name)
                .filter(name -> name != null).findFirst().orElse(null);
    }

    private enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    private record Token(Kind kind, String text, int start, int end) {

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char symbol) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
        }

        /** The identifier this token names: a bare word, or a quoted name with its quotes removed. */
        String identifier() {
            if (kind != Kind.QUOTED) {
                return text;
            }
            char open = text.charAt(0);
            char close = open == '[' ? ']' : open;
            String inner = text.substring(1, text.length() - 1);
            return open == '[' ? inner : inner.replace(String.valueOf(close) + close, String.valueOf(close));
        }
    }

    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (ch == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
                char close = ch == '[' ? ']' : ch;
                int j = i + 1;
                while (j < length) {
                    if (sql.charAt(j) == close) {
                        // A doubled quote is an escaped quote, except inside brackets.
                        if (close != ']' && j + 1 < length && sql.charAt(j + 1) == close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, length);
                tokens.add(new Token(ch == '\'' ? Kind.STRING : Kind.QUOTED, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetter(ch) || ch == '_') {
                int j = i + 1;
                while (j < length && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                        || sql.charAt(j) == '$')) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, j), i, j));
                i = j;
            } else if (Character.isDigit(ch)) {
                int j = i + 1;
                while (j < length && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, j), i, j));
                i = j;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(ch), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /** Reads the column definitions and table constraints between the statement's outer parentheses. */
    private static final class Parser {

        private final String sql;
        private final List<Token> tokens;
        private @Nullable String primaryKeyName;
        private final List<Named> uniques = new ArrayList<>();
        private final List<Named> foreignKeys = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final Set<String> autoincrement = new LinkedHashSet<>();

        Parser(String sql, List<Token> tokens) {
            this.sql = sql;
            this.tokens = tokens;
        }

        SqliteTableDefinition parse() {
            int open = indexOfSymbol(0, '(');
            // CREATE TABLE ... AS SELECT: the parentheses belong to the query, not to column definitions.
            if (open >= 0 && tokens.subList(0, open).stream().anyMatch(token -> token.isWord("AS"))) {
                open = -1;
            }
            boolean withoutRowid = false;
            if (open >= 0) {
                int close = matching(open);
                int start = open + 1;
                int depth = 0;
                for (int i = start; i < close; i++) {
                    Token token = tokens.get(i);
                    if (token.isSymbol('(')) {
                        depth++;
                    } else if (token.isSymbol(')')) {
                        depth--;
                    } else if (token.isSymbol(',') && depth == 0) {
                        element(start, i);
                        start = i + 1;
                    }
                }
                element(start, close);
                for (int i = close + 1; i < tokens.size(); i++) {
                    withoutRowid |= tokens.get(i).isWord("WITHOUT");
                }
            }
            return new SqliteTableDefinition(primaryKeyName, List.copyOf(uniques), List.copyOf(foreignKeys),
                    List.copyOf(checks), Set.copyOf(autoincrement), withoutRowid);
        }

        /** One column definition or table constraint: the tokens {@code [from, to)}. */
        private void element(int from, int to) {
            if (from >= to) {
                return;
            }
            Token first = tokens.get(from);
            if (first.kind == Kind.WORD && isTableConstraintStart(first.text)) {
                tableConstraint(from, to);
            } else {
                columnDefinition(from, to);
            }
        }

        private static boolean isTableConstraintStart(String word) {
            return switch (word.toUpperCase(Locale.ROOT)) {
                case "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN" -> true;
                default -> false;
            };
        }

        private void tableConstraint(int from, int to) {
            int i = from;
            String name = null;
            if (tokens.get(i).isWord("CONSTRAINT") && i + 1 < to) {
                name = tokens.get(i + 1).identifier();
                i += 2;
            }
            if (i >= to) {
                return;
            }
            Token kind = tokens.get(i);
            int open = indexOfSymbol(i, '(');
            if (open < 0 || open >= to) {
                return;
            }
            if (kind.isWord("PRIMARY")) {
                primaryKeyName = name;
            } else if (kind.isWord("UNIQUE")) {
                uniques.add(new Named(name, columnList(open)));
            } else if (kind.isWord("FOREIGN")) {
                foreignKeys.add(new Named(name, columnList(open)));
            } else if (kind.isWord("CHECK")) {
                checks.add(new Check(name, inside(open)));
            }
        }

        private void columnDefinition(int from, int to) {
            String column = tokens.get(from).identifier();
            String pending = null;
            int i = from + 1;
            while (i < to) {
                Token token = tokens.get(i);
                if (token.isWord("CONSTRAINT") && i + 1 < to) {
                    pending = tokens.get(i + 1).identifier();
                    i += 2;
                    continue;
                }
                if (token.isSymbol('(')) {
                    i = matching(i) + 1;
                    continue;
                }
                if (token.isWord("CHECK") && i + 1 < to && tokens.get(i + 1).isSymbol('(')) {
                    checks.add(new Check(pending, inside(i + 1)));
                    pending = null;
                    i = matching(i + 1) + 1;
                    continue;
                }
                if (token.isWord("REFERENCES")) {
                    foreignKeys.add(new Named(pending, List.of(column)));
                    pending = null;
                } else if (token.isWord("UNIQUE")) {
                    uniques.add(new Named(pending, List.of(column)));
                    pending = null;
                } else if (token.isWord("PRIMARY")) {
                    if (pending != null) {
                        primaryKeyName = pending;
                    }
                    pending = null;
                } else if (token.isWord("AUTOINCREMENT")) {
                    autoincrement.add(column.toLowerCase(Locale.ROOT));
                } else if (token.isWord("NOT") || token.isWord("NULL") || token.isWord("DEFAULT")
                        || token.isWord("COLLATE") || token.isWord("GENERATED") || token.isWord("AS")) {
                    pending = null;
                }
                i++;
            }
        }

        /** The first column named in each comma-separated part of the list that opens at {@code open}. */
        private List<String> columnList(int open) {
            int close = matching(open);
            List<String> columns = new ArrayList<>();
            boolean expectName = true;
            int depth = 0;
            for (int i = open + 1; i < close; i++) {
                Token token = tokens.get(i);
                if (token.isSymbol('(')) {
                    depth++;
                } else if (token.isSymbol(')')) {
                    depth--;
                } else if (token.isSymbol(',') && depth == 0) {
                    expectName = true;
                } else if (expectName && depth == 0 && (token.kind == Kind.WORD || token.kind == Kind.QUOTED)) {
                    columns.add(token.identifier());
                    expectName = false;
                }
            }
            return columns;
        }

        /** The source text between the parenthesis at {@code open} and its match. */
        private String inside(int open) {
            int close = matching(open);
            return sql.substring(tokens.get(open).end, tokens.get(close).start).trim();
        }

        private int indexOfSymbol(int from, char symbol) {
            for (int i = from; i < tokens.size(); i++) {
                if (tokens.get(i).isSymbol(symbol)) {
                    return i;
                }
            }
            return -1;
        }

        /** The index of the parenthesis closing the one at {@code open}, or the last token if it is never closed. */
        private int matching(int open) {
            int depth = 0;
            for (int i = open; i < tokens.size(); i++) {
                if (tokens.get(i).isSymbol('(')) {
                    depth++;
                } else if (tokens.get(i).isSymbol(')')) {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                }
            }
            return tokens.size() - 1;
        }
    }
}
