package io.mapper.sql;

/** The operators of {@link Arithmetic}: numeric arithmetic and string concatenation. */
public enum ArithmeticOperator {
    PLUS("+"), MINUS("-"), MULTIPLY("*"), DIVIDE("/"), CONCAT("||");

    private final String sql;

    ArithmeticOperator(String sql) {
        this.sql = sql;
    }

    /** The operator as standard SQL writes it. */
    public String sql() {
        return sql;
    }
}
