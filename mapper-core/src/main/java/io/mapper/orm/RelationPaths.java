package io.mapper.orm;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.IdentityKey;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Condition;
import io.mapper.sql.TableAlias;
import io.mapper.sql.Expression;
import io.mapper.sql.Sql;

/**
 * {@code filterBy} along relationships (SQLAlchemy's {@code filter_by(user=someuser)} and
 * {@code filter(Address.user.has(name="ed"))}): a reference compared with an object or a key becomes a condition on
 * the foreign key; a collection compared with an element becomes a correlated EXISTS; a path into the related entity
 * ({@code "owner.name"}) becomes an EXISTS over it. Stateless.
 */
final class RelationPaths {

    private RelationPaths() {
    }

    /** The condition {@code path = value} for an entity of {@code mapper}: a column, or a relationship path. */
    static Condition condition(DefaultSession session, Mapper<?> mapper, String path, @Nullable Object value) {
        Objects.requireNonNull(path, "property must not be null: name a property or a relationship path");
        return condition(session, mapper, null, path, value, 1);
    }

    /**
     * {@code path = value} for an entity of {@code mapper} read as {@code alias} (null: its own table). A path
     * through a relationship from a table to itself reads the related rows under an alias, {@code employee_1},
     * {@code employee_2} as it goes deeper, so that the EXISTS compares the related row, not the outer one.
     */
    private static Condition condition(DefaultSession session, Mapper<?> mapper, @Nullable TableAlias alias,
            String path, @Nullable Object value, int depth) {
        if (hasProperty(mapper, path)) {
            ColumnClause<?> column = mapper.property(path).column();
            if (alias == null) {
                return column.eq(value);
            }
            if (!alias.original().equals(column.table()) || !alias.hasColumn(column.name())) {
                throw new ArgumentException("filterBy(..." + path + "): " + mapper.entityName() + "." + path
                        + " is stored in " + column.table() + ", not in " + alias.original() + ", which this "
                        + "self-referential path reads as " + alias.name() + "; filter with an explicit join.");
            }
            @SuppressWarnings("unchecked")
            ColumnClause<Object> aliased = (ColumnClause<Object>) alias.column(column.name());
            return aliased.eq(value);
        }
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        if (mapper.relationships().stream().noneMatch(relationship -> relationship.name().equals(name))) {
            throw new ArgumentException(mapper.entityName() + " has no property or relationship '" + name + "'; its "
                    + "properties are " + mapper.properties().stream().map(PropertyMapping::path).toList()
                    + " and its relationships " + mapper.relationships().stream().map(RelationshipMapping::name)
                    .toList() + ".");
        }
        RelationshipMapping relationship = mapper.relationship(name);
        Relation<?, ?> relation = Relation.of(mapper.entityType(), name, relationship.targetType());
        if (dot >= 0) {
            Mapper<?> target = relationship.target();
            TableAlias targetAlias = relation.isSelfReferential()
                    ? Sql.alias(target.table(), target.table().name() + "_" + depth) : null;
            Condition inner = condition(session, target, targetAlias, path.substring(dot + 1), value, depth + 1);
            return relation.exists(alias, targetAlias, inner);
        }
        if (alias != null) {
            throw new ArgumentException("filterBy(\"..." + path + "\", ...): comparing the relationship " + name
                    + " of a row read under the alias " + alias.name() + " (a self-referential path) is not "
                    + "supported; compare its key property instead, for example \"..." + name + ".id\".");
        }
        if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
            if (value == null) {
                return Sql.and(relation.keys().stream().map(Expression::isNull).toArray(Condition[]::new));
            }
            return relation.is(keyOf(session, relationship.target(), value, path));
        }
        if (value == null) {
            throw new ArgumentException("filterBy(\"" + path + "\", null): a collection is compared with one of its "
                    + "elements. For an empty collection use " + mapper.entityName() + "_." + name + ".any() "
                    + "negated: Sql.not(...).");
        }
        Mapper<?> target = relationship.target();
        Object key = keyOf(session, target, value, path);
        List<PropertyMapping> keys = target.primaryKey();
        Condition[] each = new Condition[keys.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = keys.get(i).column().eq(keys.size() == 1 ? key : ((List<?>) key).get(i));
        }
        return relation.any(each);
    }

    private static boolean hasProperty(Mapper<?> mapper, String path) {
        return mapper.properties().stream().anyMatch(property -> property.path().equals(path));
    }

    /** The key of a related object (or a key given as it is), for a comparison with a foreign key. */
    @SuppressWarnings("unchecked")
    private static Object keyOf(DefaultSession session, Mapper<?> target, Object value, String path) {
        if (!target.entityType().isInstance(value)) {
            return value;
        }
        IdentityKey key = ((Mapper<Object>) target).identityKey(value);
        if (key == null) {
            throw new ArgumentException("filterBy(\"" + path + "\", ...) got a " + target.entityName() + " without a "
                    + "primary key yet; flush the session first (session.flush()) so it has one.");
        }
        return key.id();
    }
}
