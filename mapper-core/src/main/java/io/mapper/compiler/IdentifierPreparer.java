package io.mapper.compiler;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether an identifier needs quoting and quotes it; each dialect supplies its quote character and
 * reserved words. Thread-safe and immutable.
 */
public class IdentifierPreparer {

    private static final Set<String> SQL_RESERVED = Set.of("all", "and", "any", "as", "asc", "between", "by", "case",
            "check", "column", "constraint", "create", "cross", "current_date", "current_time", "current_timestamp",
            "default", "delete", "desc", "distinct", "drop", "else", "end", "except", "exists", "false", "fetch", "for",
            "foreign", "from", "full", "grant", "group", "having", "in", "index", "inner", "insert", "intersect", "into",
            "is", "join", "key", "left", "like", "limit", "natural", "not", "null", "offset", "on", "or", "order",
            "outer", "primary", "references", "right", "select", "set", "table", "then", "to", "true", "union",
            "unique", "update", "user", "using", "values", "when", "where", "with");

    private final String openQuote;
    private final String closeQuote;
    private final Set<String> reservedWords;

    /** A preparer with double-quote quoting and the SQL standard's reserved words. */
    public IdentifierPreparer() {
        this("\"", "\"", Set.of());
    }

    /** A preparer with the given quotes and extra reserved words (lower case) on top of the standard ones. */
    public IdentifierPreparer(String openQuote, String closeQuote, Set<String> extraReservedWords) {
        this.openQuote = openQuote;
        this.closeQuote = closeQuote;
        this.reservedWords = extraReservedWords;
    }

    /** The identifier as it must appear in SQL: unchanged when it is a plain lower-case name, quoted otherwise. */
    public String quote(String identifier) {
        return requiresQuotes(identifier) ? forceQuote(identifier) : identifier;
    }

    /** The identifier in quotes, with embedded quote characters doubled. */
    public String forceQuote(String identifier) {
        return openQuote + identifier.replace(closeQuote, closeQuote + closeQuote) + closeQuote;
    }

    /** Whether the identifier is reserved, mixed-case, or contains characters that only a quoted name may hold. */
    public boolean requiresQuotes(String identifier) {
        if (identifier.isEmpty()) {
            return true;
        }
        String lower = identifier.toLowerCase(Locale.ROOT);
        if (SQL_RESERVED.contains(lower) || reservedWords.contains(lower) || !lower.equals(identifier)) {
            return true;
        }
        char first = identifier.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return true;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char ch = identifier.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '$')) {
                return true;
            }
        }
        return false;
    }
}
