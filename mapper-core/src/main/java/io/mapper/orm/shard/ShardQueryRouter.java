package io.mapper.orm.shard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.Attribute;
import io.mapper.orm.EntitySelect;
import io.mapper.sql.BindParameter;
import io.mapper.sql.Comparison;
import io.mapper.sql.ComparisonOperator;
import io.mapper.sql.Condition;
import io.mapper.sql.ConditionList;
import io.mapper.sql.Expression;
import io.mapper.sql.InCondition;

/**
 * Finds the shards a query must run on from its WHERE clause (SQLAlchemy's {@code execute_chooser} of the shard
 * tests, which visits the criteria for {@code continent = ...} and {@code continent IN (...)}): a top-level
 * {@code key = value} or {@code key IN (values)} on the entity's shard key names its shards; anything else (no such
 * criterion, an OR, a comparison other than equality) means every shard.
 */
final class ShardQueryRouter {

    private ShardQueryRouter() {
    }

    /** The shards the query names through its shard key, or null when it must fan out to every shard. */
    static @Nullable Set<String> shardsOf(EntitySelect<?> query, @Nullable ShardKey key) {
        if (key == null) {
            return null;
        }
        return shardsOf(query.criteria(), key);
    }

    private static @Nullable Set<String> shardsOf(Condition condition, ShardKey key) {
        if (condition instanceof ConditionList list && list.and()) {
            return shardsOf(list.conditions(), key);
        }
        if (condition instanceof Comparison comparison && comparison.operator() == ComparisonOperator.EQ) {
            Object value = isKey(comparison.left(), key) ? valueOf(comparison.right())
                    : isKey(comparison.right(), key) ? valueOf(comparison.left()) : NO_VALUE;
            return value == NO_VALUE ? null : Set.of(key.shardOfValue().apply(value));
        }
        if (condition instanceof InCondition in && in.subquery() == null && !in.negated() && isKey(in.operand(), key)) {
            Set<String> shards = new LinkedHashSet<>();
            for (Expression<?> expression : in.elements()) {
                Object value = valueOf(expression);
                if (value == NO_VALUE) {
                    return null;
                }
                shards.add(key.shardOfValue().apply(value));
            }
            return shards;
        }
        return null;
    }

    private static @Nullable Set<String> shardsOf(List<Condition> conditions, ShardKey key) {
        // Several ANDed criteria on the key: only the shards every one of them names.
        Set<String> found = null;
        for (Condition condition : conditions) {
            Set<String> named = shardsOf(condition, key);
            if (named != null) {
                if (found == null) {
                    found = new LinkedHashSet<>(named);
                } else {
                    found.retainAll(named);
                }
            }
        }
        return found;
    }

    private static final Object NO_VALUE = new Object();

    private static boolean isKey(Expression<?> expression, ShardKey key) {
        return expression instanceof Attribute<?, ?> attribute && attribute.entityType() == key.attribute().entityType()
                && attribute.property().equals(key.attribute().property());
    }

    private static Object valueOf(Expression<?> expression) {
        if (expression instanceof BindParameter<?> parameter && parameter.value() != null) {
            return parameter.value();
        }
        return NO_VALUE;
    }
}
