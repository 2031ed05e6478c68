package io.mapper.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.mapper.exception.CompileException;

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
    private final int maxLength;
    private final String databaseName;
    private final boolean preservesCase;

    /** A preparer with double-quote quoting and the SQL standard's reserved words. */
    public IdentifierPreparer() {
        this("\"", "\"", Set.of());
    }

    /** A preparer with the given quotes and extra reserved words (lower case) on top of the standard ones. */
    public IdentifierPreparer(String openQuote, String closeQuote, Set<String> extraReservedWords) {
        this(openQuote, closeQuote, extraReservedWords, 0, "the database");
    }

    /**
     * A preparer whose database allows names of at most {@code maxLength} characters ({@code 0}: no limit); DDL
     * refuses longer names ({@link #checkLength}) instead of letting the database truncate them.
     */
    public IdentifierPreparer(String openQuote, String closeQuote, Set<String> extraReservedWords, int maxLength,
            String databaseName) {
        this(openQuote, closeQuote, extraReservedWords, maxLength, databaseName, false);
    }

    private IdentifierPreparer(String openQuote, String closeQuote, Set<String> extraReservedWords, int maxLength,
            String databaseName, boolean preservesCase) {
        this.openQuote = openQuote;
        this.closeQuote = closeQuote;
        this.reservedWords = extraReservedWords;
        this.maxLength = maxLength;
        this.databaseName = databaseName;
        this.preservesCase = preservesCase;
    }

    /**
     * The same preparer for a database that keeps the case of unquoted names as written (SQLite, MariaDB): a
     * mixed-case name such as {@code OrderLine} is then left unquoted, since the database would not fold it to another
     * name. Quoting is decided by the database's case rules, not by "any capital letter is quoted".
     */
    public IdentifierPreparer preservingCase() {
        return new IdentifierPreparer(openQuote, closeQuote, reservedWords, maxLength, databaseName, true);
    }

    /** The longest name the database allows, in characters; {@code 0} when it has no limit. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether the word is reserved here (quoted wherever it is a name). */
    public boolean isReserved(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return SQL_RESERVED.contains(lower) || reservedWords.contains(lower);
    }

    /**
     * Refuses a name longer than the database allows: PostgreSQL would truncate it to 63 characters silently (and
     * a later statement using the full name would not find it), MariaDB refuses it with a less helpful message.
     */
    public String checkLength(String name) {
        if (maxLength > 0 && name.length() > maxLength) {
            throw new CompileException("The name '" + name + "' is " + name.length() + " characters long, but "
                    + databaseName + " allows at most " + maxLength + ". Shorten it; for a generated constraint or "
                    + "index name, give the constraint or index an explicit shorter name or change the naming "
                    + "convention.");
        }
        return name;
    }

    /**
     * Reads a word list resource beside {@code owner}: one word a line, {@code #} comments and blank lines ignored,
     * lower-cased. Dialects keep their reserved words in such files, generated from the databases' own keyword lists.
     */
    public static Set<String> wordList(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The word list " + resource + " beside " + owner.getName()
                        + " is missing from the class path; the mapper-core jar is incomplete.");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the word list " + resource, e);
        }
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
        // A database that folds unquoted names (PostgreSQL to lower case) would turn OrderLine into another name.
        if (SQL_RESERVED.contains(lower) || reservedWords.contains(lower) || !preservesCase && !lower.equals(identifier)) {
            return true;
        }
        String plain = preservesCase ? lower : identifier;
        char first = plain.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return true;
        }
        for (int i = 1; i < plain.length(); i++) {
            char ch = plain.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '$')) {
                return true;
            }
        }
        return false;
    }
}
