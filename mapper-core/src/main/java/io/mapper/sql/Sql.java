package io.mapper.sql;

/** Entry points of the expression language; import its methods statically. */
public final class Sql {

    private Sql() {
    }

    /**
     * A hand-written statement with {@code :name} parameters, which are always bound, never rendered into the text.
     *
     * <pre>{@code
     * // SELECT * FROM user_account WHERE name = ?
     * conn.execute(text("SELECT * FROM user_account WHERE name = :name").bind("name", "sandy"));
     * }</pre>
     *
     * Write {@code \:} for a literal colon; {@code ::} (a PostgreSQL cast) is left alone, as are colons inside
     * string literals, quoted identifiers and comments.
     */
    public static TextClause text(String sql) {
        return TextClause.of(sql);
    }
}
