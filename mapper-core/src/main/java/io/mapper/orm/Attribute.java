package io.mapper.orm;

import java.util.Objects;

import io.mapper.sql.ColumnClause;
import io.mapper.sql.TableClause;
import io.mapper.types.SqlType;

/**
 * A typed handle on a mapped property, usable wherever a Core column is: {@code User_.name.eq("sandy")}. The
 * generated metamodel classes ({@code User_}) hold one per mapped property; it renders as the property's column of
 * the entity's table. Immutable and thread-safe.
 *
 * @param <E> the entity class
 * @param <T> the property's Java type
 */
public final class Attribute<E, T> extends ColumnClause<T> {

    private final Class<E> entityType;
    private final String property;

    private Attribute(Class<E> entityType, String property, TableClause table, String column, SqlType<T> type) {
        super(column, type, table);
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.property = Objects.requireNonNull(property, "property");
    }

    /** The table reference that a metamodel class's attributes share. */
    public static TableClause table(String name) {
        return TableClause.of(name);
    }

    /** The lightweight table of an entity mapped with {@code @Table(schema = ...)}, for generated metamodels. */
    public static TableClause table(String schema, String name) {
        return TableClause.inSchema(schema, name);
    }

    /** An attribute of {@code entityType}: its property name, its entity's table, its column and SQL type. */
    public static <E, T> Attribute<E, T> of(Class<E> entityType, String property, TableClause table, String column,
            SqlType<T> type) {
        return new Attribute<>(entityType, property, table, column, type);
    }

    /** The entity class the property belongs to. */
    public Class<E> entityType() {
        return entityType;
    }

    /** The property's name (a path such as {@code address.city} for an embedded value's column). */
    public String property() {
        return property;
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + "." + property;
    }
}
