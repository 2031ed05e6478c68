package io.mapper.orm;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.sql.BindParameter;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Comparison;
import io.mapper.sql.Condition;
import io.mapper.sql.ConditionList;
import io.mapper.sql.Expression;
import io.mapper.sql.InCondition;
import io.mapper.sql.Not;
import io.mapper.sql.NullCheck;

/**
 * Evaluates a WHERE clause against an object in memory, with SQL's three-valued logic (SQLAlchemy's
 * {@code orm/evaluator.py}): comparisons, IN lists, IS NULL, AND, OR and NOT over the entity's columns and bound
 * values. Anything else raises, naming {@link SynchronizeSession#FETCH} as the way out. Thread-safe.
 */
final class CriteriaEvaluator {

    private final Mapper<Object> mapper;

    @SuppressWarnings("unchecked")
    CriteriaEvaluator(Mapper<?> mapper, List<Condition> where) {
        this.mapper = (Mapper<Object>) mapper;
        for (Condition condition : where) {
            check(condition);
        }
    }

    /** Whether the object matches every condition (an unknown result, from a NULL, does not match). */
    boolean matches(Object entity, List<Condition> where) {
        for (Condition condition : where) {
            if (!Boolean.TRUE.equals(evaluate(condition, entity))) {
                return false;
            }
        }
        return true;
    }

    /** Raises before anything runs when a condition cannot be evaluated in Java. */
    private void check(Condition condition) {
        if (condition instanceof Comparison comparison) {
            operand(comparison.left());
            operand(comparison.right());
        } else if (condition instanceof ConditionList list) {
            list.conditions().forEach(this::check);
        } else if (condition instanceof Not not) {
            check(not.condition());
        } else if (condition instanceof NullCheck nullCheck) {
            operand(nullCheck.operand());
        } else if (condition instanceof InCondition in && in.subquery() == null) {
            operand(in.operand());
            in.elements().forEach(this::operand);
        } else {
            throw unevaluable(condition);
        }
    }

    private void operand(Expression<?> expression) {
        if (expression instanceof ColumnClause<?> column) {
            property(column);
        } else if (!(expression instanceof BindParameter<?>)) {
            throw new ArgumentException("synchronizeSession(EVALUATE) cannot evaluate " + expression + " in Java. Use "
                    + "SynchronizeSession.FETCH, which SELECTs the matching keys first.");
        }
    }

    private ArgumentException unevaluable(Condition condition) {
        return new ArgumentException("synchronizeSession(EVALUATE) cannot evaluate " + condition + " in Java (it "
                + "evaluates comparisons, IN lists, IS NULL, AND, OR and NOT of the entity's columns). Use "
                + "SynchronizeSession.FETCH, which SELECTs the matching keys first.");
    }

    PropertyMapping property(ColumnClause<?> column) {
        for (PropertyMapping property : mapper.properties()) {
            if (property.column().name().equals(column.name()) && (column.table() == null
                    || column.table().name().equals(mapper.table().name()))) {
                return property;
            }
        }
        throw new ArgumentException(column + " is not a column of " + mapper.entityName() + "'s table "
                + mapper.table().name() + ", so synchronizeSession(EVALUATE) cannot evaluate it. Use FETCH.");
    }

    private @Nullable Boolean evaluate(Condition condition, Object entity) {
        if (condition instanceof Comparison comparison) {
            return compare(comparison, value(comparison.left(), entity), value(comparison.right(), entity));
        }
        if (condition instanceof ConditionList list) {
            return list.and() ? and(list.conditions(), entity) : or(list.conditions(), entity);
        }
        if (condition instanceof Not not) {
            Boolean inner = evaluate(not.condition(), entity);
            return inner == null ? null : !inner;
        }
        if (condition instanceof NullCheck nullCheck) {
            return (value(nullCheck.operand(), entity) == null) != nullCheck.negated();
        }
        if (condition instanceof InCondition in) {
            return in(in, entity);
        }
        throw unevaluable(condition);
    }

    private @Nullable Boolean and(List<Condition> conditions, Object entity) {
        boolean unknown = false;
        for (Condition condition : conditions) {
            Boolean result = evaluate(condition, entity);
            if (Boolean.FALSE.equals(result)) {
                return false;
            }
            unknown |= result == null;
        }
        return unknown ? null : true;
    }

    private @Nullable Boolean or(List<Condition> conditions, Object entity) {
        boolean unknown = false;
        for (Condition condition : conditions) {
            Boolean result = evaluate(condition, entity);
            if (Boolean.TRUE.equals(result)) {
                return true;
            }
            unknown |= result == null;
        }
        return unknown ? null : false;
    }

    private @Nullable Boolean in(InCondition in, Object entity) {
        Object operand = value(in.operand(), entity);
        if (operand == null) {
            return null;
        }
        boolean unknown = false;
        for (Expression<?> candidate : in.elements()) {
            Object value = value(candidate, entity);
            if (value == null) {
                unknown = true;
            } else if (compareValues(operand, value) == 0) {
                return !in.negated();
            }
        }
        return unknown ? null : in.negated();
    }

    private @Nullable Object value(Expression<?> expression, Object entity) {
        if (expression instanceof BindParameter<?> parameter) {
            return parameter.value();
        }
        return mapper.value(entity, property((ColumnClause<?>) expression));
    }

    private static @Nullable Boolean compare(Comparison comparison, @Nullable Object left, @Nullable Object right) {
        if (left == null || right == null) {
            return null;
        }
        int order = compareValues(left, right);
        return switch (comparison.operator()) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (left instanceof Comparable comparable && left.getClass() == right.getClass()) {
            return comparable.compareTo(right);
        }
        if (left instanceof Enum<?> constant && right instanceof String name) {
            return constant.name().compareTo(name);
        }
        if (left.equals(right)) {
            return 0;
        }
        throw new ArgumentException("synchronizeSession(EVALUATE) cannot compare a " + left.getClass().getSimpleName()
                + " with a " + right.getClass().getSimpleName() + " in Java. Use SynchronizeSession.FETCH.");
    }
}
