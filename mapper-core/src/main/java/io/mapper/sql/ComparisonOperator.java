package io.mapper.sql;

/** The comparison operators of {@link Comparison}. */
public enum ComparisonOperator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String sql;

    ComparisonOperator(String sql) {
        this.sql = sql;
    }

    /** The operator as SQL writes it. */
    public String sql() {
        return sql;
    }
}
