package io.mapper.orm.mapping;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.state.PropertyAccessor;
import io.mapper.orm.state.ReferenceHolder;
import io.mapper.schema.Column;
import io.mapper.schema.Table;

/**
 * One relationship of a mapped class: its kind, target, loading strategy, cascades and the columns that implement it
 * (the foreign key of a many-to-one, the inverse many-to-one of a one-to-many, the association table of a
 * many-to-many). Built by the {@link MapperRegistry}; immutable once the registry is built.
 */
public final class RelationshipMapping {

    /** The relationship kinds. */
    public enum Kind {
        /** A reference through a foreign key of the owner's table (also the owning side of a one-to-one). */
        MANY_TO_ONE,
        /** A collection whose elements' foreign key refers to the owner (also the inverse side of a one-to-one). */
        ONE_TO_MANY,
        /** A collection linked through an association table. */
        MANY_TO_MANY
    }

    /** One ORDER BY item of a collection mapping. */
    public record Order(String property, boolean descending) {
    }

    private final Class<?> ownerType;
    private final String name;
    private final PropertyAccessor accessor;
    private final Kind kind;
    private final Class<?> targetType;
    private final boolean singleValued;
    private final boolean holder;
    private java.lang.invoke.@Nullable MethodHandle holderFactory;
    private final boolean setCollection;
    private final FetchStrategy fetch;
    private final Set<Cascade> cascades;
    private final boolean passiveDeletes;
    private final String mappedBy;
    private final List<Order> orderBy;
    private List<PropertyMapping> foreignKeys = List.of();
    private @Nullable Mapper<?> owner;
    private @Nullable Mapper<?> target;
    private @Nullable RelationshipMapping inverse;
    private @Nullable Table associationTable;
    private List<Column<?>> associationOwnerColumns = List.of();
    private List<Column<?>> associationTargetColumns = List.of();
    private @Nullable String joinColumnPath;
    private @Nullable String orderColumnPath;
    private @Nullable PropertyMapping joinColumn;
    private @Nullable PropertyMapping orderColumn;
    private @Nullable String mapKeyAttribute;
    private @Nullable String mapKeyColumnPath;
    private @Nullable PropertyMapping mapKey;
    private final Object mapKeySnapshot = new Object();

    RelationshipMapping(Class<?> ownerType, String name, PropertyAccessor accessor, Kind kind, Class<?> targetType,
            boolean singleValued, boolean setCollection, FetchStrategy fetch, Collection<Cascade> cascades,
            boolean passiveDeletes, String mappedBy, List<Order> orderBy) {
        this(ownerType, name, accessor, kind, targetType, singleValued, setCollection, fetch, cascades,
                passiveDeletes, mappedBy, orderBy, false);
    }

    RelationshipMapping(Class<?> ownerType, String name, PropertyAccessor accessor, Kind kind, Class<?> targetType,
            boolean singleValued, boolean setCollection, FetchStrategy fetch, Collection<Cascade> cascades,
            boolean passiveDeletes, String mappedBy, List<Order> orderBy, boolean holder) {
        this.holder = holder;
        this.ownerType = ownerType;
        this.name = name;
        this.accessor = accessor;
        this.kind = kind;
        this.targetType = targetType;
        this.singleValued = singleValued;
        this.setCollection = setCollection;
        this.fetch = fetch;
        EnumSet<Cascade> expanded = cascades.isEmpty() ? EnumSet.noneOf(Cascade.class) : EnumSet.copyOf(cascades);
        if (expanded.contains(Cascade.ALL)) {
            expanded.addAll(EnumSet.of(Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.REFRESH_EXPUNGE));
        }
        this.cascades = java.util.Collections.unmodifiableSet(expanded);
        this.passiveDeletes = passiveDeletes;
        this.mappedBy = mappedBy;
        this.orderBy = List.copyOf(orderBy);
    }

    /** The class declaring the relationship. */
    public Class<?> ownerType() {
        return ownerType;
    }

    /** The property name. */
    public String name() {
        return name;
    }

    /** Reads and writes the property. */
    public PropertyAccessor accessor() {
        return accessor;
    }

    /** The relationship kind. */
    public Kind kind() {
        return kind;
    }

    /** The related class. */
    public Class<?> targetType() {
        return targetType;
    }

    /** The declaring class's mapper. */
    public Mapper<?> owner() {
        return Objects.requireNonNull(owner, "relationship not resolved");
    }

    /** The related class's mapper. */
    public Mapper<?> target() {
        return Objects.requireNonNull(target, "relationship not resolved");
    }

    /** Whether the property holds one object (many-to-one, one-to-one) rather than a collection. */
    public boolean isSingleValued() {
        return singleValued;
    }

    /** Whether a reference is declared as a {@code Ref} holder (loaded on first {@code get()}). */
    public boolean isHolder() {
        return holder;
    }

    /**
     * The related object of a reference as it is in memory: the field's object, or a loaded holder's; null for none
     * or for a holder not loaded yet. Never loads.
     */
    public @Nullable Object related(Object entity) {
        Object value = accessor.get(entity);
        if (value instanceof ReferenceHolder<?> ref) {
            return ref.isLoaded() ? ref.get() : null;
        }
        return value;
    }

    /** For a holder not loaded yet: the key it refers to; else null. */
    public @Nullable Object unloadedKey(Object entity) {
        return accessor.get(entity) instanceof ReferenceHolder<?> ref ? ref.id() : null;
    }

    /** Sets a reference, wrapping the object in a loaded {@code Ref} for a holder. */
    @SuppressWarnings("unchecked")
    public void setRelated(Object entity, @Nullable Object value) {
        if (!holder) {
            accessor.set(entity, value);
        } else if (accessor.get(entity) instanceof ReferenceHolder<?> ref) {
            ((ReferenceHolder<Object>) ref).set(value);
        } else {
            accessor.set(entity, newHolder(value));
        }
    }

    /**
     * Sets the property's field to what mapper loaded for it (the object's snapshot holds it too): a counted field is
     * written without counting ({@link PropertyAccessor#setLoaded}), so that the object does not look written.
     */
    public void setLoaded(Object entity, @Nullable Object value) {
        accessor.setLoaded(entity, value);
    }

    /** As {@link #setRelated}, for a loaded reference ({@link #setLoaded}). */
    public void setRelatedLoaded(Object entity, @Nullable Object value) {
        if (holder) {
            setRelated(entity, value);
        } else {
            accessor.setLoaded(entity, value);
        }
    }

    /**
     * Whether every change of this property shows to the session without a comparison: its field's writes are
     * counted by the build-time enhancer and it is no {@code Ref} holder (which changes in place). A collection
     * property's elements are then one of mapper's collections, which tell the owner's session of each change, or a
     * collection the next flush looks at.
     */
    public boolean isCounted() {
        return !holder && accessor.isCounted();
    }

    /** Whether a collection property is a {@code Set} (else a {@code List}). */
    public boolean isSet() {
        return setCollection;
    }

    /** The mapping's loading strategy (never {@code DEFAULT}). */
    public FetchStrategy fetch() {
        return fetch;
    }

    /** Whether the cascade applies to this relationship ({@code ALL} expanded). */
    public boolean cascades(Cascade cascade) {
        return cascades.contains(cascade);
    }

    /** Whether deleting the owner relies on the database's ON DELETE CASCADE instead of loading the collection. */
    public boolean passiveDeletes() {
        return passiveDeletes;
    }

    /** The name of the other side's property, or empty. */
    public String mappedBy() {
        return mappedBy;
    }

    /** The collection's ORDER BY. */
    public List<Order> orderBy() {
        return orderBy;
    }

    /** For a many-to-one to an entity with a single-column key: the foreign key column of the owner's table. */
    public PropertyMapping foreignKey() {
        if (foreignKeys.size() != 1) {
            throw new IllegalStateException(foreignKeys.isEmpty() ? name + " has no foreign key of its own"
                    : name + " has a composite foreign key " + foreignKeys + "; use foreignKeys()");
        }
        return foreignKeys.get(0);
    }

    /**
     * For a many-to-one: the foreign key columns of the owner's table, one per part of the target's key, in the
     * target's key order (one column for a single-column key).
     */
    public List<PropertyMapping> foreignKeys() {
        if (foreignKeys.isEmpty()) {
            throw new IllegalStateException(name + " has no foreign key of its own");
        }
        return foreignKeys;
    }

    /**
     * For a many-to-one: its foreign key in the owner's slot values {@code values} (an object's committed or current
     * values), as an identity key's id is: the value for a single column, a list of the parts for a composite key;
     * null when any part is null.
     */
    public @Nullable Object foreignKeyValue(@Nullable Object @Nullable [] values) {
        if (values == null) {
            return null;
        }
        List<PropertyMapping> columns = foreignKeys();
        if (columns.size() == 1) {
            return values[columns.get(0).slot()];
        }
        List<Object> parts = new java.util.ArrayList<>(columns.size());
        for (PropertyMapping column : columns) {
            Object part = values[column.slot()];
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        return parts;
    }

    /** For a many-to-one: the identity key of the target its foreign key in {@code values} refers to, or null. */
    public io.mapper.orm.state.@Nullable IdentityKey targetKey(@Nullable Object @Nullable [] values) {
        Object key = foreignKeyValue(values);
        return key == null ? null : target().identityKeyOf(key);
    }

    /** For a one-to-many: the many-to-one on the target that owns the foreign key; else the other side, if any. */
    public @Nullable RelationshipMapping inverse() {
        return inverse;
    }

    /**
     * For a unidirectional one-to-many ({@code @OneToMany @JoinColumn}, no {@code mappedBy}): the target's slot of
     * the foreign key column referring to the owner, written by the flush from the collection; else null.
     */
    public @Nullable PropertyMapping joinColumn() {
        return joinColumn;
    }

    /** For a list with an {@code @OrderColumn}: the target's slot of the column holding each element's index. */
    public @Nullable PropertyMapping orderColumn() {
        return orderColumn;
    }

    /**
     * For a one-to-many: the target's property holding the owner's key, the inverse many-to-one's foreign key or
     * the unidirectional form's join column.
     */
    public PropertyMapping ownerKeyProperty() {
        if (joinColumn != null) {
            return joinColumn;
        }
        return Objects.requireNonNull(inverse, () -> name + " has no inverse").foreignKey();
    }

    /**
     * For a one-to-many: the target's properties holding the owner's key, one per part of the owner's key (the
     * inverse many-to-one's foreign key columns, or the unidirectional form's join column).
     */
    public List<PropertyMapping> ownerKeyProperties() {
        if (joinColumn != null) {
            return List.of(joinColumn);
        }
        return Objects.requireNonNull(inverse, () -> name + " has no inverse").foreignKeys();
    }

    /**
     * For a one-to-many: the owner's key in a target row's slot values {@code values}, as an identity key's id is
     * (a list of the parts for a composite key), or null.
     */
    public @Nullable Object ownerKeyValue(@Nullable Object @Nullable [] values) {
        if (values == null) {
            return null;
        }
        if (joinColumn != null) {
            return values[joinColumn.slot()];
        }
        return Objects.requireNonNull(inverse, () -> name + " has no inverse").foreignKeyValue(values);
    }

    /** Whether this is a one-to-many without an inverse many-to-one, writing its target's foreign key itself. */
    public boolean isUnidirectional() {
        return kind == Kind.ONE_TO_MANY && joinColumnPath != null;
    }

    /** For a many-to-many: the association table. */
    public Table associationTable() {
        return Objects.requireNonNull(associationTable, () -> name + " has no association table");
    }

    /** For a many-to-many between single-column keys: the association column referring to the owner. */
    public Column<?> associationOwnerColumn() {
        return single(associationOwnerColumns(), "associationOwnerColumns()");
    }

    /** For a many-to-many between single-column keys: the association column referring to the target. */
    public Column<?> associationTargetColumn() {
        return single(associationTargetColumns(), "associationTargetColumns()");
    }

    /** For a many-to-many: the association columns referring to the owner, one per key part, in key order. */
    public List<Column<?>> associationOwnerColumns() {
        if (associationOwnerColumns.isEmpty()) {
            throw new IllegalStateException(name + " has no association table");
        }
        return associationOwnerColumns;
    }

    /** For a many-to-many: the association columns referring to the target, one per key part, in key order. */
    public List<Column<?>> associationTargetColumns() {
        if (associationTargetColumns.isEmpty()) {
            throw new IllegalStateException(name + " has no association table");
        }
        return associationTargetColumns;
    }

    private Column<?> single(List<Column<?>> columns, String instead) {
        if (columns.size() != 1) {
            throw new IllegalStateException(name + " has a composite association key " + columns + "; use "
                    + instead);
        }
        return columns.get(0);
    }

    /** Whether this side writes the association rows (a many-to-many without {@code mappedBy}). */
    public boolean ownsAssociation() {
        return kind == Kind.MANY_TO_MANY && mappedBy.isEmpty();
    }

    void collectionColumnPaths(@Nullable String joinPath, @Nullable String orderPath) {
        this.joinColumnPath = joinPath;
        this.orderColumnPath = orderPath;
    }

    void mapKey(@Nullable String attribute, @Nullable String columnPath) {
        this.mapKeyAttribute = attribute;
        this.mapKeyColumnPath = columnPath;
    }

    /** Whether the property is a {@code Map} keyed by an attribute ({@code @MapKey}) or a column of the elements. */
    public boolean isMap() {
        return mapKeyAttribute != null || mapKeyColumnPath != null;
    }

    /** The property (or, for {@code @MapKeyColumn}, the collection slot) of the target holding a map's key. */
    public @Nullable PropertyMapping mapKey() {
        return mapKey;
    }

    /** The key column a {@code @MapKeyColumn} map writes into its elements' rows, or null. */
    public @Nullable PropertyMapping mapKeyColumn() {
        return mapKeyColumnPath == null ? null : mapKey;
    }

    /** The token under which an owner's state keeps the keys of a map as loaded or last flushed. */
    public Object mapKeySnapshot() {
        return mapKeySnapshot;
    }

    /**
     * The elements of a collection property value: a {@code Map}'s values, a {@code Collection} itself, else null
     * (a single value or none).
     */
    public static java.util.@Nullable Collection<?> elementsOf(@Nullable Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            return map.values();
        }
        return value instanceof Collection<?> collection ? collection : null;
    }

    /** Finds the target's slots of this collection's columns, once the target's mapper exists. */
    void linkCollectionColumns(Mapper<?> targetMapper) {
        if (mapKeyAttribute != null) {
            this.mapKey = targetMapper.property(mapKeyAttribute);
        }
        if (mapKeyColumnPath != null) {
            this.mapKey = targetMapper.property(mapKeyColumnPath);
            targetMapper.collectionSlot(mapKey).relationship(this);
        }
        if (joinColumnPath != null) {
            this.joinColumn = targetMapper.property(joinColumnPath);
            targetMapper.collectionSlot(joinColumn).relationship(this);
        }
        if (orderColumnPath != null) {
            this.orderColumn = targetMapper.property(orderColumnPath);
            targetMapper.collectionSlot(orderColumn).relationship(this);
        }
    }

    void holderFactory(java.lang.invoke.MethodHandle factory) {
        this.holderFactory = factory;
    }

    /** A new loaded holder for {@code value}, through the holder type's {@code of}. */
    private Object newHolder(@Nullable Object value) {
        try {
            return java.util.Objects.requireNonNull(holderFactory, "holder factory").invoke(value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    void owner(Mapper<?> ownerMapper) {
        this.owner = ownerMapper;
    }

    void foreignKeys(List<PropertyMapping> properties) {
        this.foreignKeys = List.copyOf(properties);
    }

    void resolve(Mapper<?> targetMapper, @Nullable RelationshipMapping other) {
        this.target = targetMapper;
        this.inverse = other;
    }

    void association(Table table, List<Column<?>> ownerColumns, List<Column<?>> targetColumns) {
        this.associationTable = table;
        this.associationOwnerColumns = List.copyOf(ownerColumns);
        this.associationTargetColumns = List.copyOf(targetColumns);
    }

    @Override
    public String toString() {
        return ownerType.getSimpleName() + "." + name;
    }
}
