package io.mapper.types;

/** The built-in SQL types: {@code Column.of("id", Types.BIGINT)}, {@code Types.string(30)}. */
public final class Types {

    /** SMALLINT as {@code Short}. */
    public static final SqlType<Short> SMALLINT = new JdbcType<>("SMALLINT", Short.class, java.sql.Types.SMALLINT);
    /** INTEGER as {@code Integer}. */
    public static final SqlType<Integer> INTEGER = new JdbcType<>("INTEGER", Integer.class, java.sql.Types.INTEGER);
    /** BIGINT as {@code Long}. */
    public static final SqlType<Long> BIGINT = new JdbcType<>("BIGINT", Long.class, java.sql.Types.BIGINT);
    /** TEXT (unbounded character data) as {@code String}. */
    public static final SqlType<String> TEXT = new JdbcType<>("TEXT", String.class, java.sql.Types.VARCHAR);
    /** DOUBLE PRECISION as {@code Double}. */
    public static final SqlType<Double> DOUBLE = new JdbcType<>("DOUBLE", Double.class, java.sql.Types.DOUBLE);

    private Types() {
    }

    /** VARCHAR(length) as {@code String}. */
    public static SqlType<String> string(int length) {
        if (length < 1) {
            throw new io.mapper.exception.ArgumentException("A VARCHAR length must be at least 1, not " + length);
        }
        return new JdbcType<>("VARCHAR(" + length + ")", String.class, java.sql.Types.VARCHAR);
    }
}
