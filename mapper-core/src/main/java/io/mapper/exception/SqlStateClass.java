package io.mapper.exception;

import org.jspecify.annotations.Nullable;

/** The SQLState classes (the first two characters of a SQLState) that mapper distinguishes when it classifies errors. */
public enum SqlStateClass {
    /** 08: connection exception. */
    CONNECTION("08"),
    /** 0A: feature not supported. */
    FEATURE_NOT_SUPPORTED("0A"),
    /** 22: data exception. */
    DATA("22"),
    /** 23: integrity constraint violation. */
    INTEGRITY_CONSTRAINT("23"),
    /** 25: invalid transaction state. */
    INVALID_TRANSACTION_STATE("25"),
    /** 40: transaction rollback (deadlock, serialization failure). */
    TRANSACTION_ROLLBACK("40"),
    /** 42: syntax error or access rule violation. */
    SYNTAX_OR_ACCESS("42"),
    /** 53: insufficient resources (PostgreSQL). */
    INSUFFICIENT_RESOURCES("53"),
    /** 57: operator intervention, such as a terminated backend (PostgreSQL). */
    OPERATOR_INTERVENTION("57"),
    /** 58: system error (PostgreSQL). */
    SYSTEM_ERROR("58"),
    /** HY: driver-level error (ODBC/JDBC CLI), often timeouts. */
    DRIVER("HY"),
    /** Any class not listed above. */
    OTHER("");

    private final String code;

    SqlStateClass(String code) {
        this.code = code;
    }

    /** The two-character class code, empty for {@link #OTHER}. */
    public String code() {
        return code;
    }

    /** Classifies a SQLState by its first two characters; null or short states are {@link #OTHER}. */
    public static SqlStateClass of(@Nullable String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return OTHER;
        }
        String prefix = sqlState.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
        for (SqlStateClass value : values()) {
            if (value != OTHER && value.code.equals(prefix)) {
                return value;
            }
        }
        return OTHER;
    }
}
