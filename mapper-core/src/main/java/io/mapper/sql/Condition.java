package io.mapper.sql;

import io.mapper.types.SqlType;

/**
 * A boolean SQL expression usable in WHERE, ON, HAVING and CASE: a comparison, a combination with {@code AND} and
 * {@code OR}, {@code NOT}, {@code EXISTS}. Immutable.
 */
public interface Condition extends Expression<Boolean> {

    @Override
    default SqlType<Boolean> type() {
        return BuiltinTypes.BOOLEAN;
    }

    /** {@code this AND other AND ...}. */
    default Condition and(Condition... others) {
        return ConditionList.of(true, this, others);
    }

    /** {@code this OR other OR ...}. */
    default Condition or(Condition... others) {
        return ConditionList.of(false, this, others);
    }

    /** {@code NOT (this)}. */
    default Condition not() {
        return this instanceof Not not ? not.condition() : new Not(this);
    }
}
