package io.mapper.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.mapping.ElementCollectionDescriptor;
import io.mapper.schema.Column;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;
import io.mapper.types.SqlType;
import io.mapper.types.Types;

/**
 * A typed handle on an element collection ({@code @ElementCollection}), generated into the metamodel
 * ({@code Person_.nicknames}): conditions over the collection table correlated to the owner, and loading options
 * ({@code selectInLoad(Person_.nicknames)}). Immutable and thread-safe.
 *
 * <pre>{@code
 * // SELECT person.id, person.name FROM person WHERE EXISTS (SELECT ? FROM person_nickname
 * //   WHERE person_nickname.person_id = person.id AND person_nickname.nickname = ?)
 * select(Person.class).where(Person_.nicknames.contains("annie"));
 * // ... EXISTS (... AND person_address.city = ?)
 * select(Person.class).where(Person_.addresses.any(Person_.addresses.column("city", String.class).eq("Springfield")));
 * }</pre>
 *
 * @param <E> the declaring entity
 * @param <V> the element type
 */
public final class Elements<E, V> {

    private final Class<E> ownerType;
    private final String name;
    private final Class<V> elementType;
    private volatile @Nullable ElementCollectionDescriptor descriptor;

    private Elements(Class<E> ownerType, String name, Class<V> elementType) {
        this.ownerType = Objects.requireNonNull(ownerType, "ownerType");
        this.name = Objects.requireNonNull(name, "name");
        this.elementType = Objects.requireNonNull(elementType, "elementType");
    }

    /** The element collection {@code name} of {@code ownerType}, whose elements are {@code elementType}s. */
    public static <E, V> Elements<E, V> of(Class<E> ownerType, String name, Class<V> elementType) {
        return new Elements<>(ownerType, name, elementType);
    }

    /** The property name. */
    public String name() {
        return name;
    }

    /** The declaring entity. */
    public Class<E> ownerType() {
        return ownerType;
    }

    /** The element type. */
    public Class<V> elementType() {
        return elementType;
    }

    private ElementCollectionDescriptor descriptor() {
        ElementCollectionDescriptor current = descriptor;
        if (current == null) {
            current = ElementCollectionDescriptor.of(ownerType, name);
            descriptor = current;
        }
        return current;
    }

    private static TableClause table(String qualified, ColumnClause<?>... columns) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? TableClause.of(qualified, columns)
                : TableClause.inSchema(qualified.substring(0, dot), qualified.substring(dot + 1), columns);
    }

    /** The collection table, as a Core table reference with its join and value columns. */
    public TableClause table() {
        ElementCollectionDescriptor d = descriptor();
        List<ColumnClause<?>> columns = new ArrayList<>();
        columns.add(ColumnClause.of(d.joinColumn(), Types.BIGINT));
        for (Column<?> value : d.valueColumns()) {
            columns.add(ColumnClause.of(value.name(), value.type()));
        }
        return table(d.table(), columns.toArray(ColumnClause<?>[]::new));
    }

    /** The value column of a collection of simple values ({@code person_nickname.nickname}), for conditions. */
    @SuppressWarnings("unchecked")
    public Expression<V> value() {
        ElementCollectionDescriptor d = descriptor();
        if (d.valueColumns().size() != 1) {
            throw new ArgumentException(this + " holds embeddable values over " + d.valueColumns().size()
                    + " columns; name one with column(name, type).");
        }
        return (Expression<V>) (Expression<?>) table().column(d.valueColumns().get(0).name());
    }

    /** A value column by name (a component of an embeddable), typed {@code type}, for conditions. */
    public <T> Expression<T> column(String columnName, Class<T> type) {
        ElementCollectionDescriptor d = descriptor();
        for (Column<?> value : d.valueColumns()) {
            if (value.name().equals(columnName)) {
                return table().column(columnName, type);
            }
        }
        throw new ArgumentException(this + " has no value column '" + columnName + "'; its columns are "
                + d.valueColumns().stream().map(Column::name).toList() + ".");
    }

    /**
     * True when at least one element's row matches the conditions (an EXISTS subquery correlated to the owner); with
     * no conditions, the collection is not empty.
     */
    public Condition any(Condition... conditions) {
        ElementCollectionDescriptor d = descriptor();
        TableClause table = table();
        @SuppressWarnings("unchecked")
        SqlType<Object> keyType = (SqlType<Object>) (SqlType<?>) Types.BIGINT;
        Expression<Object> join = table.column(d.joinColumn(), Object.class);
        Expression<Object> ownerKey = table(d.ownerTable(), ColumnClause.of(d.ownerKey(), keyType))
                .column(d.ownerKey(), Object.class);
        List<Condition> all = new ArrayList<>();
        all.add(join.eq(ownerKey));
        all.addAll(List.of(conditions));
        return Sql.exists(Sql.select(Sql.literal(1)).from(table).where(all.toArray(Condition[]::new)));
    }

    /** True when the collection holds {@code element} (every value column equal, through its converter). */
    @SuppressWarnings("unchecked")
    public Condition contains(V element) {
        ElementCollectionDescriptor d = descriptor();
        List<@Nullable Object> row = d.mapping().row(element);
        TableClause table = table();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            Column<?> value = d.valueColumns().get(i);
            Expression<Object> column = (Expression<Object>) (Expression<?>) table.column(value.name());
            conditions.add(row.get(i) == null ? column.isNull() : column.eq(row.get(i)));
        }
        return any(conditions.toArray(Condition[]::new));
    }

    /** True when the collection has no element. */
    public Condition isEmpty() {
        return Sql.not(any());
    }

    @Override
    public String toString() {
        return ownerType.getSimpleName() + "." + name;
    }
}
