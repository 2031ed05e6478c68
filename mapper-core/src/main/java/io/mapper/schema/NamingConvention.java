package io.mapper.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * How a {@link MetaData} names constraints and indexes, as SQLAlchemy's {@code naming_convention}: a template per
 * kind ({@code pk}, {@code fk}, {@code uq}, {@code ck}, {@code ix}) with the tokens {@code %(table_name)s},
 * {@code %(column_0_name)s}, {@code %(column_0N_name)s} (all columns joined by {@code _}),
 * {@code %(referred_table_name)s}, {@code %(referred_column_0_name)s} and {@code %(constraint_name)s}.
 *
 * <p>Names are deterministic, so migrations and error messages can rely on them. An explicit {@code named(...)} is
 * used as it is, unless the template has {@code %(constraint_name)s}, where it fills that token (SQLAlchemy's rule).
 * A check without an explicit name fills it with its position among the table's checks, an enum check with its
 * column's name. Names longer than 63 characters (PostgreSQL's limit) are shortened with a hash suffix.
 * Immutable and thread-safe.
 */
public final class NamingConvention {

    /** Identifier length every supported database accepts (PostgreSQL's 63). */
    public static final int MAX_NAME_LENGTH = 63;

    private static final Set<String> KINDS = Set.of("pk", "fk", "uq", "ck", "ix");
    private static final Set<String> TOKENS = Set.of("table_name", "column_0_name", "column_0N_name",
            "referred_table_name", "referred_column_0_name", "constraint_name");
    private static final Pattern TOKEN = Pattern.compile("%\\(([A-Za-z0-9_]+)\\)s");

    /** {@code pk_<table>}, {@code fk_<table>_<column>_<referred table>}, {@code uq_/ix_<table>_<columns>}, {@code ck_<table>_<name>}. */
    public static final NamingConvention DEFAULT = new NamingConvention(Map.of(
            "pk", "pk_%(table_name)s",
            "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "uq", "uq_%(table_name)s_%(column_0N_name)s",
            "ix", "ix_%(table_name)s_%(column_0N_name)s",
            "ck", "ck_%(table_name)s_%(constraint_name)s"));

    private final Map<String, String> templates;

    private NamingConvention(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    /**
     * The default convention with these templates replacing the default ones, keyed {@code pk}, {@code fk},
     * {@code uq}, {@code ck} or {@code ix}. Unknown keys or tokens raise an {@link ArgumentException}.
     */
    public static NamingConvention of(Map<String, String> templates) {
        Map<String, String> merged = new HashMap<>(DEFAULT.templates);
        for (Map.Entry<String, String> entry : templates.entrySet()) {
            if (!KINDS.contains(entry.getKey())) {
                throw new ArgumentException("Unknown naming convention key '" + entry.getKey() + "'; the keys are "
                        + "pk, fk, uq, ck and ix.");
            }
            Matcher matcher = TOKEN.matcher(entry.getValue());
            while (matcher.find()) {
                if (!TOKENS.contains(matcher.group(1))) {
                    throw new ArgumentException("The naming convention template '" + entry.getValue() + "' uses the "
                            + "unknown token %(" + matcher.group(1) + ")s; the tokens are " + TOKENS + ".");
                }
            }
            merged.put(entry.getKey(), entry.getValue());
        }
        return new NamingConvention(merged);
    }

    /** The template for a kind. */
    public String template(String kind) {
        return Objects.requireNonNull(templates.get(kind), kind);
    }

    static String requireName(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new ArgumentException("A constraint, index or sequence name must not be blank.");
        }
        return name;
    }

    // ---- Reflection (issue 3, reflection half) ----

    // A reflected name is final: the database already calls the constraint that, so no template may rewrite it
    // (SQLAlchemy's conv()). Only MetaData.reflect marks names, and name() strips the mark on attachment.
    private static final String CONVERTED = "\u0000converted:";

    /** {@code name} marked as final, for {@code named(...)}: the convention will use it unchanged. */
    static String converted(String name) {
        return CONVERTED + requireName(name);
    }

    /** The name of a constraint or index of {@code table}; {@code explicit} and {@code fallback} fill the name token. */
    String name(String kind, String tableName, List<String> columns, @Nullable String referredTable,
            @Nullable String referredColumn, @Nullable String explicit, String fallback) {
        if (explicit != null && explicit.startsWith(CONVERTED)) {
            return explicit.substring(CONVERTED.length());
        }
        String template = template(kind);
        if (explicit != null && !template.contains("%(constraint_name)s")) {
            return explicit;
        }
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder name = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "table_name" -> tableName;
                case "column_0_name" -> columns.isEmpty() ? "" : columns.get(0);
                case "column_0N_name" -> String.join("_", columns);
                case "referred_table_name" -> referredTable == null ? "" : referredTable;
                case "referred_column_0_name" -> referredColumn == null ? "" : referredColumn;
                default -> explicit != null ? explicit : fallback;
            };
            matcher.appendReplacement(name, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(name);
        return shorten(name.toString());
    }

    private static String shorten(String name) {
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, MAX_NAME_LENGTH - 9) + "_" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamingConvention that && templates.equals(that.templates);
    }

    @Override
    public int hashCode() {
        return templates.hashCode();
    }

    @Override
    public String toString() {
        return "NamingConvention" + templates;
    }
}
