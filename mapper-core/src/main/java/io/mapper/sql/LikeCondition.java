package io.mapper.sql;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code x LIKE pattern [ESCAPE 'c']}, optionally case-insensitive (rendered as ILIKE or with LOWER per dialect)
 * and negated. {@link Expression#contains(String)} and friends escape the user's text with {@link #ESCAPE}.
 */
public record LikeCondition(Expression<?> operand, Expression<?> pattern, @Nullable Character escape,
        boolean caseInsensitive, boolean negated) implements Condition {

    /** The escape character of {@code contains}, {@code startsWith} and {@code endsWith}; not special in any database's string literals. */
    public static final char ESCAPE = '/';

    /** The text with the LIKE wildcards and the escape character itself escaped by {@link #ESCAPE}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '%' || ch == '_' || ch == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(ch);
        }
        return escaped.toString();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitLike(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(operand, pattern);
    }

    @Override
    public Condition not() {
        return new LikeCondition(operand, pattern, escape, caseInsensitive, !negated);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
