package io.mapper.orm.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.state.Enhanced;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;
import io.mapper.orm.state.PropertyAccessor;
import io.mapper.orm.state.Tracked;
import io.mapper.orm.state.Unloaded;
import io.mapper.schema.Table;
import io.mapper.types.Conversions;

/**
 * The mapping of one entity class: its table, its column properties (including those of embedded values) in a fixed
 * slot order, its primary key and version, and the handles that read and write them. Built once by the
 * {@link MapperRegistry}; immutable and thread-safe.
 *
 * @param <E> the mapped class
 */
public final class Mapper<E> implements io.mapper.orm.state.ValueSemantics {

    /** How one slot's value is read from and written to an entity (a foreign key through its relationship). */
    private record Access(@Nullable PropertyAccessor direct, int embedded, int component,
            @Nullable RelationshipMapping relationship, @Nullable Discriminator discriminator,
            @Nullable DeferredAccess deferred, CollectionColumns.@Nullable Slot collection, int part) {

        Access(@Nullable PropertyAccessor direct, int embedded, int component,
                @Nullable RelationshipMapping relationship, @Nullable Discriminator discriminator,
                @Nullable DeferredAccess deferred) {
            this(direct, embedded, component, relationship, discriminator, deferred, null, 0);
        }

        Access(@Nullable PropertyAccessor direct, int embedded, int component,
                @Nullable RelationshipMapping relationship, @Nullable Discriminator discriminator,
                @Nullable DeferredAccess deferred, CollectionColumns.@Nullable Slot collection) {
            this(direct, embedded, component, relationship, discriminator, deferred, collection, 0);
        }
    }

    /** The slot of one foreign-key column of a reference: the {@code part}-th part of the target's key. */
    record ForeignKeyPart(RelationshipMapping relationship, int part) {
    }

    /** The slot of a hierarchy's discriminator column: its value is the class's, never the object's. */
    record Discriminator(Object value) {
    }

    private final Class<E> entityType;
    private final String entityName;
    private final Table table;
    private final java.util.Map<String, io.mapper.sql.TableAlias> aliases =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, PolymorphicLoad> aliasedLoads = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<TablePart> tableParts;
    private final Class<?> identityType;
    private @Nullable InheritanceMapping inheritance;
    private final List<PropertyMapping> properties;
    /** Each slot's column's Java type, for the foreign keys a snapshot keeps as the row had them. */
    private final Class<?>[] columnTypes;
    /** Per slot, whether its property's getter returns what its setter was given (see {@link #populateLoaded}). */
    private final boolean[] givenBack;
    /** Whether a loaded object's snapshot reads any column back from it: embedded, deferred, or not given back. */
    private final boolean readsBack;
    private final Map<String, PropertyMapping> byPath;
    private final List<PropertyMapping> primaryKey;
    private final @Nullable PropertyMapping version;
    /** {@link #version()}, made once: the flush asks for it per object. */
    private final Optional<PropertyMapping> versionOptional;
    private final List<EmbeddedMapping> embeddeds;
    private final Access[] access;
    /** How many slots are columns another entity's collection writes (see {@link CollectionColumns}). */
    private int collectionSlots;
    private final @Nullable EntityInstantiator<E> instantiator;
    private final List<RelationshipMapping> relationships;
    private final Map<String, RelationshipMapping> relationshipsByName;
    private final Lifecycle lifecycle;
    private List<ElementCollectionMapping> elementCollections = List.of();
    private final LoadedColumns defaultColumns;
    /**
     * The slots of {@code byte[]} fields: the snapshot keeps a copy of the array, so that a change made in place to
     * the object's array shows (the comparison is by content).
     */
    private final int[] arraySlots;
    /** Per slot, the converted type whose values compare by their stored form, else null. */
    private final io.mapper.types.ConvertedType<Object, ?>[] converted;
    /**
     * Whether the entity class counts its field writes ({@link Tracked}, put there by the build-time enhancer): an
     * object whose count has not moved since it agreed with its snapshot is compared only in {@link #compared}.
     */
    private final boolean tracked;
    /** The slots a tracked object is still compared in: those a counted field write does not cover. */
    private final int[] compared;
    /**
     * Whether, of {@link #compared}, only foreign keys of counted references remain: a write to the reference shows,
     * and the referenced key changes only when its object's primary key does (the flush then looks at every object).
     */
    private final boolean onlyReferenceKeysCompared;
    /** What the unit of work derives from this mapping alone (its INSERT statements), built once per factory. */
    private final Map<Object, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    Mapper(Class<E> entityType, String entityName, List<TablePart> tableParts, List<PropertyMapping> properties,
            List<EmbeddedMapping> embeddeds, List<Object> accessPerSlot, @Nullable EntityInstantiator<E> instantiator,
            List<RelationshipMapping> relationships, Lifecycle lifecycle, Class<?> identityType) {
        this.entityType = entityType;
        this.lifecycle = lifecycle;
        this.entityName = entityName;
        this.tableParts = List.copyOf(tableParts);
        this.table = tableParts.get(0).table();
        this.identityType = identityType;
        this.properties = List.copyOf(properties);
        Map<String, PropertyMapping> paths = new LinkedHashMap<>();
        List<PropertyMapping> keys = new ArrayList<>();
        PropertyMapping versionProperty = null;
        for (PropertyMapping property : properties) {
            paths.put(property.path(), property);
            if (property.isPrimaryKey()) {
                keys.add(property);
            }
            if (property.isVersion()) {
                versionProperty = property;
            }
        }
        this.byPath = Collections.unmodifiableMap(paths);
        this.primaryKey = List.copyOf(keys);
        this.version = versionProperty;
        this.versionOptional = Optional.ofNullable(versionProperty);
        this.embeddeds = List.copyOf(embeddeds);
        this.access = new Access[accessPerSlot.size()];
        for (int i = 0; i < access.length; i++) {
            Object entry = accessPerSlot.get(i);
            if (entry instanceof PropertyAccessor accessor) {
                access[i] = new Access(accessor, -1, -1, null, null, null);
            } else if (entry instanceof ForeignKeyPart foreignKey) {
                access[i] = new Access(null, -1, -1, foreignKey.relationship(), null, null, null, foreignKey.part());
            } else if (entry instanceof Discriminator discriminator) {
                access[i] = new Access(null, -1, -1, null, discriminator, null);
            } else if (entry instanceof DeferredAccess deferred) {
                access[i] = new Access(null, -1, -1, null, null, deferred);
            } else if (entry instanceof CollectionColumns.Slot collection) {
                access[i] = new Access(null, -1, -1, null, null, null, collection);
                collectionSlots++;
            } else {
                access[i] = new Access(null, ((int[]) entry)[0], ((int[]) entry)[1], null, null, null);
            }
        }
        this.tracked = Tracked.class.isAssignableFrom(entityType) && embeddeds.isEmpty();
        this.compared = uncounted(access);
        this.instantiator = instantiator;
        this.relationships = List.copyOf(relationships);
        Map<String, RelationshipMapping> names = new LinkedHashMap<>();
        for (RelationshipMapping relationship : relationships) {
            names.put(relationship.name(), relationship);
        }
        this.relationshipsByName = Collections.unmodifiableMap(names);
        boolean referenceKeysOnly = true;
        for (int i : compared) {
            referenceKeysOnly &= access[i].relationship() != null && access[i].relationship().isCounted();
        }
        this.onlyReferenceKeysCompared = referenceKeysOnly;
        this.converted = new io.mapper.types.ConvertedType[this.properties.size()];
        this.columnTypes = new Class<?>[access.length];
        this.givenBack = new boolean[access.length];
        boolean anyReadBack = !embeddeds.isEmpty();
        for (int i = 0; i < access.length; i++) {
            givenBack[i] = access[i].direct() != null && access[i].direct().returnsWhatItIsGiven(entityType);
            anyReadBack |= access[i].direct() != null ? !givenBack[i] : access[i].deferred() != null;
        }
        this.readsBack = anyReadBack;
        for (PropertyMapping property : this.properties) {
            columnTypes[property.slot()] = property.column().type().javaType();
            if (property.column().type() instanceof io.mapper.types.ConvertedType<?, ?> type) {
                converted[property.slot()] = (io.mapper.types.ConvertedType<Object, ?>) type;
            }
        }
        List<Integer> arrays = new ArrayList<>();
        for (int i = 0; i < access.length; i++) {
            PropertyAccessor direct = access[i].direct();
            if (direct != null && direct.type() == byte[].class && converted[i] == null) {
                arrays.add(i);
            }
        }
        this.arraySlots = arrays.stream().mapToInt(Integer::intValue).toArray();
        this.defaultColumns = LoadedColumns.defaults(this);
    }

    /** The columns the entity's SELECTs load when no query option says otherwise: all but the deferred ones. */
    public LoadedColumns defaultColumns() {
        return defaultColumns;
    }

    /** Whether the property is a {@code Deferred<T>} holder. */
    public boolean isDeferredHolder(PropertyMapping property) {
        return access[property.slot()].deferred() != null;
    }

    /** Whether the property is a column of its own that may be left unloaded: not a key, version or foreign key. */
    public boolean isDeferrable(PropertyMapping property) {
        Access slot = access[property.slot()];
        return !property.isPrimaryKey() && !property.isVersion() && slot.relationship() == null
                && slot.embedded() < 0;
    }

    /** Whether a plain (not holder) property's field is primitive, so it cannot stay unset until loaded. */
    public boolean isPrimitive(PropertyMapping property) {
        PropertyAccessor direct = access[property.slot()].direct();
        return direct != null && direct.type().isPrimitive();
    }

    /**
     * Puts a holder object straight into a {@code Deferred<T>} property (the session's unloaded holder).
     */
    public void setHolder(E entity, PropertyMapping property, Object holder) {
        DeferredAccess deferred = access[property.slot()].deferred();
        if (deferred == null) {
            throw new ArgumentException(property.path() + " is not a Deferred<T> property.");
        }
        deferred.holder().set(entity, holder);
    }

    @Override
    public @Nullable Object[] snapshotOf(@Nullable Object[] values) {
        return ownSnapshot(values.clone());
    }

    @Override
    public @Nullable Object[] ownSnapshot(@Nullable Object[] values) {
        for (int slot = 0; slot < converted.length && slot < values.length; slot++) {
            if (converted[slot] != null && !Unloaded.is(values[slot])) {
                values[slot] = converted[slot].copyValue(values[slot]);
            }
        }
        for (int slot : arraySlots) {
            if (slot < values.length && values[slot] instanceof byte[] bytes) {
                values[slot] = bytes.clone();
            }
        }
        return values;
    }

    @Override
    public @Nullable Object snapshotOf(int slot, @Nullable Object value) {
        if (slot < converted.length && converted[slot] != null && value != null && !Unloaded.is(value)) {
            return converted[slot].copyValue(value);
        }
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    @Override
    public boolean sameValue(int slot, @Nullable Object before, @Nullable Object after) {
        io.mapper.types.ConvertedType<Object, ?> type = slot < converted.length ? converted[slot] : null;
        return type == null ? io.mapper.orm.state.InstanceState.sameValue(before, after)
                : type.compareValues(before, after);
    }

    /** The entity's own life-cycle methods and validators. */
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** The mapped class. */
    public Class<E> entityType() {
        return entityType;
    }

    /** The entity's name in messages and metrics: the {@code @Entity(name)} or the simple class name. */
    public String entityName() {
        return entityName;
    }

    /**
     * The entity's table; in an inheritance hierarchy the table that holds the primary key and the discriminator
     * (the base class's, except for table-per-class, where each class has its own).
     */
    public Table table() {
        return table;
    }

    /**
     * The alias {@code name} of the mapped table, made once per name: statements built again with it (a joined
     * load's) then have the same structure and share one compiled form, since columns compare by identity.
     */
    public io.mapper.sql.TableAlias alias(String name) {
        return aliases.computeIfAbsent(name, unused -> io.mapper.sql.Sql.alias(table, name));
    }

    /**
     * For a class in an inheritance hierarchy: its polymorphic load with each table read through an alias named
     * after {@code name} (the base table's is {@link #alias(String) alias(name)}, another table's
     * {@code name_table}), made once per name, so that a joined load of it keeps one statement structure.
     */
    public PolymorphicLoad aliasedLoad(String name) {
        return aliasedLoads.computeIfAbsent(name, unused -> {
            java.util.Map<Table, io.mapper.sql.TableClause> tables = new java.util.HashMap<>();
            tables.put(table, alias(name));
            return PolymorphicLoad.of(this, each -> tables.computeIfAbsent(each,
                    other -> io.mapper.sql.Sql.alias(other, name + "_" + other.name())), name);
        });
    }

    /**
     * The tables a row of this entity is written to, base table first, each with the properties it holds: one for
     * most entities, one per class down from the base for a joined-table subclass.
     */
    public List<TablePart> tableParts() {
        return tableParts;
    }

    /** The class whose identity this entity's objects share: the hierarchy's base class, or the entity itself. */
    public Class<?> identityType() {
        return identityType;
    }

    /** The entity's place in an inheritance hierarchy, or null when it is in none. */
    public @Nullable InheritanceMapping inheritance() {
        return inheritance;
    }

    void inheritance(InheritanceMapping inheritanceMapping) {
        this.inheritance = inheritanceMapping;
    }

    /** Whether this entity is {@code other} or one of its subclasses (SQLAlchemy's {@code mapper.isa}). */
    public boolean isa(Mapper<?> other) {
        return other.entityType.isAssignableFrom(entityType) && identityType == other.identityType;
    }

    /** The column properties, in slot order. */
    public List<PropertyMapping> properties() {
        return properties;
    }

    /** The primary-key properties, in key order. */
    public List<PropertyMapping> primaryKey() {
        return primaryKey;
    }

    /** The version property, if the entity has one. */
    public Optional<PropertyMapping> version() {
        return versionOptional;
    }

    /** The property at this path; an unknown path raises, listing the known ones. */
    public PropertyMapping property(String path) {
        PropertyMapping property = byPath.get(path);
        if (property == null) {
            throw new ArgumentException(entityName + " has no mapped property '" + path + "'; its properties are "
                    + byPath.keySet() + ".");
        }
        return property;
    }

    /** The relationships, in declaration order. */
    public List<RelationshipMapping> relationships() {
        return relationships;
    }

    /** The element collections ({@code @ElementCollection}), in declaration order. */
    public List<ElementCollectionMapping> elementCollections() {
        return elementCollections;
    }

    void elementCollections(List<ElementCollectionMapping> collections) {
        this.elementCollections = List.copyOf(collections);
    }

    /** The element collection with this name, or null when there is none. */
    public @Nullable ElementCollectionMapping elementCollection(String name) {
        for (ElementCollectionMapping collection : elementCollections) {
            if (collection.name().equals(name)) {
                return collection;
            }
        }
        return null;
    }

    /** The relationship with this name; an unknown name raises, listing the known ones. */
    public RelationshipMapping relationship(String name) {
        RelationshipMapping relationship = relationshipsByName.get(name);
        if (relationship == null) {
            throw new ArgumentException(entityName + " has no relationship '" + name + "'; its relationships are "
                    + relationshipsByName.keySet() + ".");
        }
        return relationship;
    }

    /** Whether the slot holds a foreign key maintained through a relationship (not a property of its own). */
    public boolean isForeignKeySlot(int slot) {
        return access[slot].relationship() != null;
    }

    /** Whether the slot holds the hierarchy's discriminator, which the class decides. */
    public boolean isDiscriminatorSlot(int slot) {
        return access[slot].discriminator() != null;
    }

    /** A new, empty instance. */
    public E newInstance() {
        if (instantiator == null) {
            throw new ArgumentException("The entity " + entityType.getName() + " is abstract: a row of it must name "
                    + "a concrete subclass in its discriminator. Give the row a subclass's @DiscriminatorValue.");
        }
        return instantiator.newInstance();
    }

    /** The current value of every slot of {@code entity}. */
    public @Nullable Object[] values(E entity) {
        Object[] values = new Object[access.length];
        Object[][] embeddedValues = embeddeds.isEmpty() ? null : new Object[embeddeds.size()][];
        for (int i = 0; i < access.length; i++) {
            Access slot = access[i];
            if (slot.direct() != null) {
                values[i] = slot.direct().get(entity);
            } else if (slot.relationship() != null) {
                values[i] = foreignKeyValue(slot.relationship(), slot.part(), entity);
            } else if (slot.discriminator() != null) {
                values[i] = slot.discriminator().value();
            } else if (slot.deferred() != null) {
                values[i] = slot.deferred().get(entity);
            } else if (slot.collection() != null) {
                values[i] = null;    // not the object's: see values(entity, state)
            } else {
                Object[] components = embeddedValues[slot.embedded()];
                if (components == null) {
                    components = embeddeds.get(slot.embedded()).decompose(entity);
                    embeddedValues[slot.embedded()] = components;
                }
                values[i] = components[slot.component()];
            }
        }
        return values;
    }

    /**
     * The current value of every slot of a tracked {@code entity}, including the columns that owners' collections
     * write into its row (a unidirectional one-to-many's foreign key, a list's order column): what the flush assigned
     * to them, else their database value.
     */
    public @Nullable Object[] values(E entity, InstanceState state) {
        Object[] values = values(entity);
        if (collectionSlots > 0) {
            for (int i = 0; i < access.length; i++) {
                if (access[i].collection() != null) {
                    values[i] = collectionValue(i, state);
                }
            }
        }
        return values;
    }

    /** Whether the slot is a column an owner's collection writes (no property of the object maps it). */
    public boolean isCollectionSlot(int slot) {
        return access[slot].collection() != null;
    }

    CollectionColumns.Slot collectionSlot(PropertyMapping property) {
        return java.util.Objects.requireNonNull(access[property.slot()].collection(), property.path());
    }

    /**
     * A collection column's value for the flush: the assigned index or key as it is, an assigned owner (a join
     * column's) as its primary key (null while the owner has none yet); unassigned, the database value.
     */
    @SuppressWarnings("unchecked")
    private @Nullable Object collectionValue(int slot, InstanceState state) {
        if (!state.isAssigned(slot)) {
            Object[] committed = state.committed();
            return committed == null ? null : committed[slot];
        }
        Object assigned = state.assigned(slot);
        CollectionColumns.Slot collection = access[slot].collection();
        if (assigned == null || collection.role() != CollectionColumns.Role.JOIN) {
            return assigned;
        }
        Mapper<Object> owner = (Mapper<Object>) collection.relationship().owner();
        return owner.value(assigned, owner.primaryKey().get(0));
    }

    /**
     * A value derived from this mapping alone, such as a statement the unit of work writes with, built on first use
     * and shared by every session of the factory; {@code key} says what it is (equal keys, equal values). Thread-safe.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, java.util.function.Function<Object, T> build) {
        Object known = derived.get(key);
        if (known == null) {
            known = derived.computeIfAbsent(key, build);
        }
        return (T) known;
    }

    /**
     * The slots whose current values differ from the object's database snapshot (an unloaded deferred column differs
     * only once it is given a value, a {@code Deferred} holder also when set to null), or null when none does.
     * Allocates nothing for an unchanged object: the flush asks this of every object the session holds.
     */
    public java.util.@Nullable BitSet changes(E entity, InstanceState state) {
        if (tracked && state.committed() != null && state.isSynced(((Tracked) entity).$mapper$writes())) {
            // No field written since the object agreed with its snapshot: only what a write does not cover can
            // have changed (a mutable value changed in place, a referenced object's key, an assigned column).
            java.util.BitSet changed = null;
            for (int i : compared) {
                changed = slotChanged(i, entity, state, null, changed);
            }
            return changed;
        }
        long writes = tracked ? ((Tracked) entity).$mapper$writes() : 0;
        Object[] current = state.committed() == null || !embeddeds.isEmpty() ? values(entity) : null;
        java.util.BitSet changed = null;
        for (int i = 0; i < access.length; i++) {
            changed = slotChanged(i, entity, state, current, changed);
        }
        if (changed == null && tracked && state.committed() != null) {
            state.synced(writes);    // it agrees with its snapshot (a value written back): not compared again
        }
        return changed;
    }

    /** {@code changed}, with slot {@code i} set when its value differs from the snapshot (made on first need). */
    private java.util.@Nullable BitSet slotChanged(int i, E entity, InstanceState state,
            @Nullable Object @Nullable [] current, java.util.@Nullable BitSet changed) {
        Access slot = access[i];
        if (properties.get(i).generatedBy() != null) {
            return changed;    // the database writes it (@Generated), whatever the object holds
        }
        if (slot.collection() != null) {
            if (state.isAssigned(i) && collectionChanged(i, state)) {
                changed = changed == null ? new java.util.BitSet(access.length) : changed;
                changed.set(i);
            }
            return changed;
        }
        Object value;
        if (current != null) {
            value = current[i];
        } else if (slot.discriminator() != null) {
            return changed;    // the class decides it: it never changes
        } else if (slot.direct() != null) {
            value = slot.direct().get(entity);
        } else if (slot.relationship() != null) {
            value = foreignKeyValue(slot.relationship(), slot.part(), entity);
        } else {
            value = java.util.Objects.requireNonNull(slot.deferred()).get(entity);
        }
        if (state.isChanged(i, value) || value == null && slot.deferred() != null && state.isUnloaded(i)) {
            changed = changed == null ? new java.util.BitSet(access.length) : changed;
            changed.set(i);
        }
        return changed;
    }

    /**
     * The slots whose change a counted field write does not show: all but the fields of enhanced classes
     * ({@link Enhanced}) whose values cannot change in place; generated columns and the discriminator are never
     * compared, so they are left out.
     */
    private int[] uncounted(Access[] slots) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            Access slot = slots[i];
            if (properties.get(i).generatedBy() != null || slot.discriminator() != null) {
                continue;
            }
            PropertyAccessor direct = slot.direct();
            if (direct != null && direct.owner().isAnnotationPresent(Enhanced.class)
                    && ImmutableValues.is(direct.type())) {
                continue;
            }
            result.add(i);
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Notes that {@code entity} agrees with its snapshot now (after a load or a flush wrote it), for a tracked class;
     * {@code writes} is its write count when its values were read ({@link #writes}).
     */
    public void synced(InstanceState state, long writes) {
        if (tracked) {
            state.synced(writes);
        }
    }

    /** As {@link #synced(InstanceState, long)}, with the object's write count now. */
    public void syncedNow(E entity, InstanceState state) {
        if (tracked) {
            state.synced(((Tracked) entity).$mapper$writes());
        }
    }

    /** Whether {@code entity} is tracked and has not been written since it last agreed with its snapshot. */
    public boolean isSynced(E entity, InstanceState state) {
        return tracked && state.isSynced(((Tracked) entity).$mapper$writes());
    }

    /** The object's write count ({@link Tracked}), or 0 for a class that does not count. */
    public long writes(E entity) {
        return tracked ? ((Tracked) entity).$mapper$writes() : 0;
    }

    /**
     * Whether a flush may leave this class's objects out unless they were written: the class counts its writes and
     * has nothing a write cannot show: no value compared at every flush but the foreign keys of counted references,
     * no relationship whose field's writes are not counted ({@link RelationshipMapping#isCounted()}; mapper's
     * collections tell the owner's session of their changes), no element collection, no inheritance.
     */
    public boolean isSkippable() {
        if (!tracked || !onlyReferenceKeysCompared || !elementCollections.isEmpty() || inheritance != null) {
            return false;
        }
        for (RelationshipMapping relationship : relationships) {
            if (!relationship.isCounted()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a persistent object's primary key differs from its snapshot's (an object that still has to be
     * inserted, or is not loaded, has none that differs).
     */
    public boolean isKeyChanged(E entity, InstanceState state) {
        if (state.committed() == null) {
            return false;
        }
        for (PropertyMapping key : primaryKey) {
            if (state.isChanged(key.slot(), value(entity, key))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the entity class counts its field writes (the build-time enhancer rewrote it). */
    public boolean isTracked() {
        return tracked;
    }

    /** Whether the flush assigned a collection column a value other than the row's (a new owner counts as one). */
    private boolean collectionChanged(int slot, InstanceState state) {
        Object value = collectionValue(slot, state);
        if (value == null && state.assigned(slot) != null) {
            return true;    // an owner not inserted yet: its key is written once known
        }
        return state.isChanged(slot, value);
    }

    /** The current value of one property. */
    public @Nullable Object value(E entity, PropertyMapping property) {
        Access slot = access[property.slot()];
        if (slot.direct() != null) {
            return slot.direct().get(entity);
        }
        if (slot.relationship() != null) {
            return foreignKeyValue(slot.relationship(), slot.part(), entity);
        }
        if (slot.discriminator() != null) {
            return slot.discriminator().value();
        }
        if (slot.deferred() != null) {
            return slot.deferred().get(entity);
        }
        if (slot.collection() != null) {
            return null;    // not the object's: the flush writes it from the owner's collection
        }
        return embeddeds.get(slot.embedded()).decompose(entity)[slot.component()];
    }

    /** Sets one directly mapped (not embedded) property, converting the value to the property's type. */
    public void setValue(E entity, PropertyMapping property, @Nullable Object value) {
        Access slot = access[property.slot()];
        if (slot.deferred() != null) {
            slot.deferred().set(entity, value);
            return;
        }
        if (slot.direct() == null) {
            throw new ArgumentException("setValue is for direct properties; " + property.path()
                    + " is part of an embedded value, a relationship or the discriminator.");
        }
        slot.direct().set(entity, Conversions.convert(value, slot.direct().type()));
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object foreignKeyValue(RelationshipMapping relationship, int part, Object entity) {
        Object unloaded = relationship.unloadedKey(entity);
        if (unloaded != null) {
            // A holder not loaded yet refers to the key it was loaded with: a list of the parts for a composite key.
            return unloaded instanceof List<?> parts ? parts.get(part) : unloaded;
        }
        Object related = relationship.related(entity);
        if (related == null) {
            return null;
        }
        Mapper<Object> target = (Mapper<Object>) relationship.target();
        return target.value(related, target.primaryKey().get(part));
    }

    /**
     * Sets every slot of {@code entity} from {@code values} (in slot order), building embedded values; foreign key
     * slots are left to the session, which resolves them into related objects.
     */
    public void populate(E entity, @Nullable Object[] values) {
        compose(entity, fill(entity, values, false));
    }

    /**
     * Fills an object from a row's {@code values}, as {@link #populate} does, and turns {@code values} into the
     * object's snapshot, in place: what the object holds after, as {@link #values(Object)} would read it back, with
     * foreign key and collection columns as the row had them (converted to their columns' types). A property whose
     * getter returns what its setter was given ({@link PropertyAccessor#returnsWhatItIsGiven}: a field, or plain
     * accessors the build-time enhancer vouched for) keeps the value it was given; the others are read back, since
     * a getter may return something else (an empty string for a null) and the snapshot must agree with it.
     */
    public @Nullable Object[] populateLoaded(E entity, @Nullable Object[] values) {
        Object[][] embeddedValues = fill(entity, values, true);
        if (!readsBack) {
            return values;
        }
        compose(entity, embeddedValues);
        Object[] components = null;
        int decomposed = -1;
        for (int i = 0; i < access.length; i++) {
            Access slot = access[i];
            if (slot.direct() != null) {
                if (!givenBack[i]) {
                    values[i] = slot.direct().get(entity);
                }
            } else if (slot.deferred() != null) {
                values[i] = slot.deferred().get(entity);
            } else if (slot.relationship() == null && slot.collection() == null && slot.discriminator() == null) {
                if (slot.embedded() != decomposed) {
                    components = embeddeds.get(slot.embedded()).decompose(entity);
                    decomposed = slot.embedded();
                }
                values[i] = components[slot.component()];
            }
        }
        return values;
    }

    /**
     * Sets the object's plain and deferred columns from {@code values} and gathers its embedded objects' components
     * (null when it has none); with {@code snapshot}, also writes into {@code values} each plain column as set, each
     * foreign key and collection column converted to its column's type, and the discriminator.
     */
    private @Nullable Object[][] fill(E entity, @Nullable Object[] values, boolean snapshot) {
        Object[][] embeddedValues = embeddeds.isEmpty() ? null : new Object[embeddeds.size()][];
        for (int i = 0; i < access.length; i++) {
            Access slot = access[i];
            PropertyAccessor direct = slot.direct();
            if (direct != null) {
                // An unloaded deferred column leaves a plain field unset (null) until it is loaded.
                Object value = Unloaded.is(values[i]) ? null : Conversions.convert(values[i], direct.type());
                direct.set(entity, value);
                if (snapshot) {
                    values[i] = value;
                }
            } else if (slot.deferred() != null) {
                slot.deferred().set(entity, values[i]);
            } else if (slot.relationship() != null || slot.collection() != null) {
                if (snapshot) {
                    values[i] = Conversions.convert(values[i], columnTypes[i]);
                }
            } else if (slot.discriminator() != null) {
                if (snapshot) {
                    values[i] = slot.discriminator().value();
                }
            } else {
                Object[] components = embeddedValues[slot.embedded()];
                if (components == null) {
                    components = new Object[embeddeds.get(slot.embedded()).components().size()];
                    embeddedValues[slot.embedded()] = components;
                }
                Class<?> componentType = embeddeds.get(slot.embedded()).components().get(slot.component()).type();
                components[slot.component()] = Conversions.convert(values[i], componentType);
            }
        }
        return embeddedValues;
    }

    private void compose(E entity, @Nullable Object[][] embeddedValues) {
        for (int i = 0; i < embeddeds.size(); i++) {
            embeddeds.get(i).compose(entity, embeddedValues[i]);
        }
    }

    /** The identity key of a persistent {@code entity}, or null while any primary-key value is still null. */
    public @Nullable IdentityKey identityKey(E entity) {
        if (primaryKey.size() == 1) {
            Object id = value(entity, primaryKey.get(0));
            return id == null ? null : new IdentityKey(identityType, id);
        }
        List<Object> ids = new ArrayList<>(primaryKey.size());
        for (PropertyMapping key : primaryKey) {
            Object id = value(entity, key);
            if (id == null) {
                return null;
            }
            ids.add(id);
        }
        return new IdentityKey(identityType, ids);
    }

    /** The identity key of the row whose slot values are {@code values}. */
    public IdentityKey identityKey(@Nullable Object[] values) {
        if (primaryKey.size() == 1) {
            return new IdentityKey(identityType, keyValue(primaryKey.get(0), values[primaryKey.get(0).slot()]));
        }
        List<Object> ids = new ArrayList<>(primaryKey.size());
        for (PropertyMapping key : primaryKey) {
            ids.add(keyValue(key, values[key.slot()]));
        }
        return new IdentityKey(identityType, ids);
    }

    /** The identity key for an id given by the application ({@code session.get(User.class, 5)}). */
    public IdentityKey identityKeyOf(Object id) {
        if (primaryKey.size() == 1) {
            return new IdentityKey(identityType, keyValue(primaryKey.get(0), id));
        }
        if (!(id instanceof List<?> ids) || ids.size() != primaryKey.size()) {
            throw new ArgumentException(entityName + " has a composite key " + primaryKey.stream()
                    .map(PropertyMapping::path).toList() + "; pass its values as List.of(...) in that order.");
        }
        List<Object> normalized = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            normalized.add(keyValue(primaryKey.get(i), ids.get(i)));
        }
        return new IdentityKey(identityType, normalized);
    }

    private Object keyValue(PropertyMapping key, @Nullable Object value) {
        if (value == null) {
            throw new ArgumentException("The primary key " + entityName + "." + key.path() + " is null.");
        }
        // Drivers return Integer or Long for the same column; the identity map needs one representation.
        Object converted = Conversions.convert(value, key.column().type().javaType());
        return java.util.Objects.requireNonNull(converted);
    }

    @Override
    public String toString() {
        return "Mapper[" + entityName + " -> " + table.name() + "]";
    }
}
