package io.mapper.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.convention.NamingStrategy;
import io.mapper.orm.mapping.RelationshipDescriptor;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Condition;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;
import io.mapper.types.Types;

/**
 * A typed handle on a relationship, generated into the metamodel ({@code User_.addresses}): joins along it,
 * conditions over the related objects ({@code User_.addresses.any(Address_.email.endsWith("@example.com"))}), and
 * loading options ({@code selectInLoad(User_.addresses)}). Immutable and thread-safe.
 *
 * @param <E> the declaring entity
 * @param <T> the related entity
 */
public final class Relation<E, T> {

    private final Class<E> ownerType;
    private final String name;
    private final Class<T> targetType;
    /** The naming strategy's name, resolved through the owner's class loader on first use. */
    private final String namingName;
    private volatile @Nullable NamingStrategy naming;
    private volatile @Nullable RelationshipDescriptor descriptor;

    private Relation(Class<E> ownerType, String name, Class<T> targetType, String namingName,
            @Nullable NamingStrategy naming) {
        this.ownerType = Objects.requireNonNull(ownerType, "ownerType");
        this.name = Objects.requireNonNull(name, "name");
        this.targetType = Objects.requireNonNull(targetType, "targetType");
        this.namingName = Objects.requireNonNull(namingName, "naming");
        this.naming = naming;
    }

    /**
     * The relationship {@code name} of {@code ownerType}, whose objects are {@code targetType}s, with the tables and
     * columns of the default (snake_case) naming strategy.
     */
    public static <E, T> Relation<E, T> of(Class<E> ownerType, String name, Class<T> targetType) {
        return new Relation<>(ownerType, name, targetType, "snake-case", NamingStrategy.SNAKE_CASE);
    }

    /**
     * The relationship {@code name} of {@code ownerType} with the tables and columns of the naming strategy
     * {@code naming} ({@code pascal-case}, or a strategy's class name, as {@code NamingStrategy.of} reads it): what a
     * metamodel generated with {@code -Amapper.namingStrategy} holds.
     */
    public static <E, T> Relation<E, T> of(Class<E> ownerType, String name, Class<T> targetType, String naming) {
        return new Relation<>(ownerType, name, targetType, naming, null);
    }

    /** The relationship with the tables and columns of {@code naming}: what {@code SessionFactory.relation} gives. */
    static <E, T> Relation<E, T> of(Class<E> ownerType, String name, Class<T> targetType, NamingStrategy naming) {
        return new Relation<>(ownerType, name, targetType, NamingStrategy.nameOf(naming), naming);
    }

    /** The relationship's property name. */
    public String name() {
        return name;
    }

    /** The declaring entity. */
    public Class<E> ownerType() {
        return ownerType;
    }

    /** The related entity. */
    public Class<T> targetType() {
        return targetType;
    }

    private RelationshipDescriptor descriptor() {
        RelationshipDescriptor current = descriptor;
        if (current == null) {
            NamingStrategy strategy = naming;
            if (strategy == null) {
                ClassLoader loader = ownerType.getClassLoader();
                strategy = NamingStrategy.of(namingName, loader != null ? loader : Relation.class.getClassLoader());
                naming = strategy;
            }
            current = RelationshipDescriptor.of(ownerType, name, targetType, strategy);
            descriptor = current;
        }
        return current;
    }

    /** A descriptor's table name, {@code schema.table} for a table in a named schema. */
    private static TableClause table(String qualified, ColumnClause<?>... columns) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? TableClause.of(qualified, columns)
                : TableClause.inSchema(qualified.substring(0, dot), qualified.substring(dot + 1), columns);
    }

    /** The related entity's table, as a Core table reference. */
    public TableClause targetTable() {
        return table(descriptor().targetTable());
    }

    /**
     * The ON condition that joins the owner's table to the related table (to the association table for
     * many-to-many): one equality per key part, joined with AND for a composite key.
     */
    Condition joinCondition() {
        RelationshipDescriptor d = descriptor();
        return switch (d.kind()) {
            case MANY_TO_ONE -> columnsEqual(table(d.targetTable()), d.targetKey(), table(d.ownerTable()),
                    d.foreignKey());
            case ONE_TO_MANY -> columnsEqual(table(d.targetTable()), d.foreignKey(), table(d.ownerTable()),
                    d.ownerKey());
            case MANY_TO_MANY -> columnsEqual(table(d.associationTable()), d.associationOwner(),
                    table(d.ownerTable()), d.ownerKey());
        };
    }

    /** For many-to-many: the association table and the ON condition from it to the related table. */
    @Nullable TableClause associationTable() {
        RelationshipDescriptor d = descriptor();
        return d.kind() == RelationshipMapping.Kind.MANY_TO_MANY ? table(d.associationTable()) : null;
    }

    Condition associationToTarget() {
        RelationshipDescriptor d = descriptor();
        return columnsEqual(table(d.targetTable()), d.targetKey(), table(d.associationTable()),
                d.associationTarget());
    }

    /**
     * For a collection: true when at least one related object matches the conditions (an EXISTS subquery
     * correlated to the owner). With no conditions: the collection is not empty.
     */
    public Condition any(Condition... conditions) {
        RelationshipDescriptor d = descriptor();
        if (d.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
            throw new io.mapper.exception.ArgumentException(ownerType.getSimpleName() + "." + name + " refers to "
                    + "one object; use has(...) instead of any(...).");
        }
        return existsOverSelf(conditions);
    }

    /** For a reference: true when the related object exists and matches the conditions. */
    public Condition has(Condition... conditions) {
        RelationshipDescriptor d = descriptor();
        if (d.kind() != RelationshipMapping.Kind.MANY_TO_ONE) {
            throw new io.mapper.exception.ArgumentException(ownerType.getSimpleName() + "." + name + " is a "
                    + "collection; use any(...) instead of has(...).");
        }
        return existsOverSelf(conditions);
    }

    /** Whether the relationship joins a table to itself ({@code Employee.reportsTo}). */
    boolean isSelfReferential() {
        RelationshipDescriptor d = descriptor();
        return d.targetTable().equals(d.ownerTable());
    }

    /**
     * The name of the related table inside this relationship's EXISTS subquery when it joins a table to itself:
     * {@code employee_1}, as SQLAlchemy's automatic aliasing names it.
     */
    String selfAlias() {
        String target = descriptor().targetTable();
        return target.substring(target.indexOf('.') + 1) + "_1";
    }

    private Condition existsOverSelf(Condition... conditions) {
        RelationshipDescriptor d = descriptor();
        if (!isSelfReferential()) {
            return exists(null, null, conditions);
        }
        // The subquery's table must differ from the outer query's, else the correlation compares a row with itself:
        // the related rows are read under an alias, and the conditions on the table's columns are adapted to it, as
        // SQLAlchemy's automatic aliasing does (Node.children.any(Node.data == "n1") reads nodes_1.data).
        TableClause target = table(d.targetTable());
        io.mapper.sql.TableAlias alias = Sql.alias(target, selfAlias());
        Condition[] adapted = new Condition[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            adapted[i] = io.mapper.sql.ClauseAdapter.adapt(conditions[i], target, alias);
        }
        return exists(null, alias, adapted);
    }

    /**
     * EXISTS over the related rows, correlated to {@code ownerAs} (an alias of the owner's table; null: the table)
     * and reading the related table as {@code targetAs} (an alias of it; null: the table): {@code conditions} must
     * name the columns of what the related rows are read as.
     */
    Condition exists(@Nullable TableClause ownerAs, @Nullable TableClause targetAs, Condition... conditions) {
        RelationshipDescriptor d = descriptor();
        TableClause owner = ownerAs != null ? ownerAs : table(d.ownerTable());
        TableClause target = targetAs != null ? targetAs : table(d.targetTable());
        List<Condition> all = new ArrayList<>();
        Select select;
        if (d.kind() == RelationshipMapping.Kind.MANY_TO_MANY) {
            TableClause association = table(d.associationTable());
            select = Sql.select(Sql.literal(1)).from(association)
                    .join(target, columnsEqual(target, d.targetKey(), association, d.associationTarget()));
            all.add(columnsEqual(association, d.associationOwner(), owner, d.ownerKey()));
        } else {
            select = Sql.select(Sql.literal(1)).from(target);
            all.add(d.kind() == RelationshipMapping.Kind.MANY_TO_ONE
                    ? columnsEqual(target, d.targetKey(), owner, d.foreignKey())
                    : columnsEqual(target, d.foreignKey(), owner, d.ownerKey()));
        }
        all.addAll(List.of(conditions));
        return Sql.exists(select.where(all.toArray(Condition[]::new)));
    }

    /** {@code left.a = right.x AND ...} over two tables or aliases, whose columns are found or made by name. */
    private static Condition columnsEqual(TableClause left, List<String> leftColumns, TableClause right,
            List<String> rightColumns) {
        Condition[] each = new Condition[leftColumns.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = columnOf(left, leftColumns.get(i)).eq(columnOf(right, rightColumns.get(i)));
        }
        return Sql.and(each);
    }

    /** The column {@code name} of {@code table}: its own, or one made for a reference known by name only. */
    @SuppressWarnings("unchecked")
    private static ColumnClause<Object> columnOf(TableClause table, String name) {
        if (table.hasColumn(name)) {
            return (ColumnClause<Object>) (ColumnClause<?>) table.column(name);
        }
        if (table instanceof io.mapper.sql.TableAlias alias) {
            TableClause original = alias.original();
            return (ColumnClause<Object>) (ColumnClause<?>) Sql.alias(TableClause.inSchema(original.schema(),
                    original.name(), ColumnClause.of(name, Types.BIGINT)), alias.name()).column(name);
        }
        return (ColumnClause<Object>) (ColumnClause<?>) TableClause.inSchema(table.schema(), table.name(),
                ColumnClause.of(name, Types.BIGINT)).column(name);
    }

    /**
     * For a many-to-one: the objects whose reference is {@code parent} (SQLAlchemy's {@code with_parent}), as a
     * condition on the owner's foreign key; for a target with a composite key, {@code parentKey} is the list of its
     * parts in key order and the condition an AND over the foreign-key columns.
     */
    public Condition is(Object parentKey) {
        List<Attribute<E, Object>> keys = keys();
        if (keys.size() == 1) {
            return keys.get(0).eq(io.mapper.types.Conversions.convert(parentKey,
                    keys.get(0).type().javaType()));
        }
        if (!(parentKey instanceof List<?> parts) || parts.size() != keys.size()) {
            throw new io.mapper.exception.ArgumentException(ownerType.getSimpleName() + "." + name + " refers to "
                    + targetType.getSimpleName() + " by its composite key " + descriptor().targetKey() + "; pass "
                    + "the key's values as List.of(...) in that order.");
        }
        Condition[] each = new Condition[keys.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = keys.get(i).eq(io.mapper.types.Conversions.convert(parts.get(i),
                    keys.get(i).type().javaType()));
        }
        return Sql.and(each);
    }

    /**
     * For a many-to-one (or owning one-to-one) to an entity with a single-column key: the foreign-key column as a
     * metamodel attribute ({@code Mail_.owner.key()} is {@code mail.owner_id}), usable in conditions, ORDER BY and
     * GROUP BY; the generated metamodel has the same attribute as a field ({@code Mail_.ownerId}). For a composite
     * key, use {@link #keys()}.
     */
    public Attribute<E, Object> key() {
        List<Attribute<E, Object>> keys = keys();
        if (keys.size() != 1) {
            throw new io.mapper.exception.ArgumentException(ownerType.getSimpleName() + "." + name + " has a "
                    + "composite foreign key " + descriptor().foreignKey() + "; use keys(), one attribute per part.");
        }
        return keys.get(0);
    }

    /**
     * For a many-to-one (or owning one-to-one): its foreign-key columns as metamodel attributes, one per part of the
     * target's key, in key order.
     */
    @SuppressWarnings("unchecked")
    public List<Attribute<E, Object>> keys() {
        RelationshipDescriptor d = descriptor();
        if (d.kind() != RelationshipMapping.Kind.MANY_TO_ONE) {
            throw new io.mapper.exception.ArgumentException(ownerType.getSimpleName() + "." + name + " is a "
                    + "collection, whose foreign key is in " + targetType.getSimpleName() + "'s table; use the "
                    + "other side's key, or join along it.");
        }
        List<Attribute<E, Object>> keys = new ArrayList<>(d.foreignKey().size());
        for (int i = 0; i < d.foreignKey().size(); i++) {
            keys.add(Attribute.of(ownerType, name + "." + d.targetKey().get(i), table(d.ownerTable()),
                    d.foreignKey().get(i), (io.mapper.types.SqlType<Object>) d.targetKeyTypes().get(i)));
        }
        return keys;
    }

    @Override
    public String toString() {
        return ownerType.getSimpleName() + "." + name;
    }
}
