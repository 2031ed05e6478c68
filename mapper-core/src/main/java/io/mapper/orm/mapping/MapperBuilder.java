package io.mapper.orm.mapping;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.CreationTimestamp;
import io.mapper.orm.annotation.Generated;
import io.mapper.orm.annotation.GenerationTime;
import io.mapper.orm.annotation.UpdateTimestamp;
import io.mapper.orm.annotation.Embedded;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.InheritanceType;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.OneToOne;
import io.mapper.orm.annotation.Table;
import io.mapper.orm.annotation.Transient;
import io.mapper.orm.annotation.Version;
import io.mapper.orm.convention.NamingStrategy;
import io.mapper.orm.convention.TypeMapping;
import io.mapper.orm.state.PropertyAccessor;
import io.mapper.schema.MetaData;
import io.mapper.schema.TableElement;
import io.mapper.types.SqlType;

/** Reads one entity class's annotations and builds its {@link Mapper} and table. */
final class MapperBuilder {

    /** One part of an entity's primary key, as relationships to it see it: its property, column and type. */
    record KeyPart(String property, String column, SqlType<?> type) {
    }

    /**
     * What a relationship needs to know about its target before the target's mapper exists: its table and its key
     * parts in declaration order (none when it has no {@code @Id}).
     */
    record EntityInfo(String tableName, @Nullable String schema, List<KeyPart> keys) {

        EntityInfo {
            keys = List.copyOf(keys);
        }

        /** The table as a foreign key or a metamodel handle names it: {@code schema.table} in a named schema. */
        String qualifiedName() {
            return schema == null ? tableName : schema + "." + tableName;
        }

        /** The key column of a single-column key; empty for a composite or missing key. */
        String keyColumn() {
            return keys.size() == 1 ? keys.get(0).column() : "";
        }

        /** The key columns in key order. */
        List<String> keyColumns() {
            return keys.stream().map(KeyPart::column).toList();
        }

        /** The type of a single-column key (BIGINT for a composite or missing one). */
        SqlType<?> keyType() {
            return keys.size() == 1 ? keys.get(0).type() : io.mapper.types.Types.BIGINT;
        }
    }

    private final Class<?> type;
    private final java.util.Map<Class<?>, EntityInfo> infos;
    private final List<RelationshipMapping> relationships = new ArrayList<>();
    private final java.util.Map<RelationshipMapping, List<Integer>> foreignKeySlots = new java.util.HashMap<>();
    /** Table constraints over several columns (a composite foreign key), added to the table holding their columns. */
    private final List<io.mapper.schema.Constraint> tableConstraints = new ArrayList<>();
    private final List<io.mapper.schema.Column<?>> columns = new ArrayList<>();
    private final List<PendingProperty> pending = new ArrayList<>();
    private final List<EmbeddedMapping> embeddeds = new ArrayList<>();
    private final List<ElementCollectionMapping> elementCollections = new ArrayList<>();
    private final List<Object> access = new ArrayList<>();

    /** The entity level (a class of the hierarchy, or the plain entity) whose table holds each column. */
    private final List<Class<?>> levels = new ArrayList<>();
    private final @Nullable Hierarchy hierarchy;
    private final MappingOptions options;
    /** The columns other entities' collections keep in this class's table (see {@link CollectionColumns}). */
    private List<CollectionColumns.Contributed> contributed = List.of();

    private record PendingProperty(String path, String column, boolean primaryKey, boolean version,
            @Nullable GenerationStrategy generation, PropertyMapping.Loading loading,
            @Nullable GenerationTime generatedBy, PropertyMapping.@Nullable Stamp stamp) {

        PendingProperty(String path, String column, boolean primaryKey, boolean version,
                @Nullable GenerationStrategy generation) {
            this(path, column, primaryKey, version, generation, PropertyMapping.Loading.EAGER, null, null);
        }
    }

    private MapperBuilder(Class<?> type, java.util.Map<Class<?>, EntityInfo> infos, @Nullable Hierarchy hierarchy,
            MappingOptions options) {
        this.type = type;
        this.infos = infos;
        this.hierarchy = hierarchy;
        this.options = options;
    }

    static <E> Mapper<E> build(Class<E> type, MetaData metadata, java.util.Map<Class<?>, EntityInfo> infos,
            MappingOptions options) {
        return build(type, metadata, infos, options, List.of());
    }

    /** {@link #build} with the columns that other entities' collections keep in this class's table. */
    static <E> Mapper<E> build(Class<E> type, MetaData metadata, java.util.Map<Class<?>, EntityInfo> infos,
            MappingOptions options, List<CollectionColumns.Contributed> contributed) {
        MapperBuilder builder = new MapperBuilder(type, infos, null, options);
        builder.contributed = contributed;
        builder.collect();
        io.mapper.schema.Table table = builder.createTable(metadata, type, builder.columns);
        return builder.finish(type, java.util.Map.of(type, table));
    }

    /** A builder of one class of an inheritance hierarchy, its fields read; tables come from the hierarchy. */
    static MapperBuilder collecting(Class<?> type, java.util.Map<Class<?>, EntityInfo> infos, Hierarchy hierarchy,
            MappingOptions options) {
        MapperBuilder builder = new MapperBuilder(type, infos, hierarchy, options);
        builder.collect();
        return builder;
    }

    /** The columns this class declares at {@code level} (its own fields, or those its superclass gave the level). */
    List<io.mapper.schema.Column<?>> columnsAt(Class<?> level) {
        List<io.mapper.schema.Column<?>> result = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (levels.get(i) == level) {
                result.add(columns.get(i));
            }
        }
        return result;
    }

    /** Every column of the class, inherited ones included, in slot order. */
    List<io.mapper.schema.Column<?>> allColumns() {
        return List.copyOf(columns);
    }

    /** The table name, key column and key type of an entity class, read without building its mapper. */
    static EntityInfo info(Class<?> entityType) {
        return info(entityType, NamingStrategy.SNAKE_CASE);
    }

    /** {@link #info(Class)} under a naming strategy. */
    static EntityInfo info(Class<?> entityType, NamingStrategy naming) {
        Table tableAnnotation = entityType.getAnnotation(Table.class);
        String tableName = tableAnnotation == null ? naming.tableName(entityType.getSimpleName())
                : tableAnnotation.name();
        String schema = schemaOf(entityType);
        List<KeyPart> keys = new ArrayList<>();
        for (Field field : mappedFields(entityType)) {
            if (field.isAnnotationPresent(Id.class)) {
                Column column = field.getAnnotation(Column.class);
                String keyColumn = column == null || column.name().isEmpty() ? naming.columnName(field.getName())
                        : column.name();
                SqlType<?> keyType = TypeMapping.forJavaType(field.getType(), column);
                keys.add(new KeyPart(field.getName(), keyColumn,
                        keyType == null ? io.mapper.types.Types.BIGINT : keyType));
            }
        }
        return new EntityInfo(tableName, schema, keys);
    }

    /** The schema of {@code @Table(schema = ...)}, or {@code null} for the connection's default schema. */
    static @Nullable String schemaOf(Class<?> entityType) {
        Table tableAnnotation = entityType.getAnnotation(Table.class);
        if (tableAnnotation == null || tableAnnotation.schema().isEmpty()) {
            return null;
        }
        if (tableAnnotation.schema().isBlank()) {
            throw new MappingException(entityType, "@Table(schema = \"" + tableAnnotation.schema() + "\") is blank.",
                    "Name the schema, or leave schema out for the connection's default schema.");
        }
        return tableAnnotation.schema();
    }

    private void collect() {
        Class<?> entityType = type;
        Table tableAnnotation = entityType.getAnnotation(Table.class);
        schemaOf(entityType);    // a blank schema is refused early
        boolean discriminated = false;
        for (Field field : mappedFields(entityType)) {
            Class<?> level = hierarchy == null ? entityType : hierarchy.levelOf(field.getDeclaringClass(), entityType);
            if (hierarchy != null && !discriminated && level != hierarchy.root()) {
                discriminated = true;
                mapDiscriminator();
            }
            int before = columns.size();
            if (field.isAnnotationPresent(io.mapper.orm.annotation.ElementCollection.class)) {
                elementCollections.add(ElementCollectionBuilder.map(type, field, options));
            } else if (isRelationship(field)) {
                mapRelationship(field);
            } else if (field.isAnnotationPresent(Embedded.class)) {
                mapEmbedded(field);
            } else {
                mapColumn(field);
            }
            while (levels.size() < columns.size()) {
                levels.add(level);
            }
            if (hierarchy != null && level != hierarchy.root()
                    && hierarchy.strategy() == InheritanceType.SINGLE_TABLE) {
                // Rows of the other classes have no value here: a subclass's columns of one shared table are nullable.
                for (int i = before; i < columns.size(); i++) {
                    columns.set(i, columns.get(i).nullable(true));
                }
            }
        }
        if (hierarchy != null && !discriminated) {
            mapDiscriminator();
        }
        for (CollectionColumns.Contributed column : contributed) {
            mapCollectionColumn(column);
        }
        if (pending.stream().noneMatch(PendingProperty::primaryKey)) {
            throw new MappingException(entityType, "it has no @Id property.",
                    "Annotate the primary-key field with @io.mapper.orm.annotation.Id.");
        }
        if (pending.stream().filter(PendingProperty::version).count() > 1) {
            throw new MappingException(entityType, "it has more than one @Version property.", "Keep one.");
        }
        long keys = pending.stream().filter(PendingProperty::primaryKey).count();
        if (keys > 1 && pending.stream().anyMatch(p -> p.primaryKey() && p.generation() != null)) {
            throw new MappingException(entityType, "a composite primary key cannot have a @GeneratedValue part.",
                    "Assign composite keys in Java, or use a single generated key.");
        }
    }

    /**
     * A column that another entity's collection keeps in this table (a unidirectional one-to-many's foreign key, a
     * list's order column), as a slot the flush writes from that collection; refused when a property already maps
     * the column, since two writers of one column would overwrite each other.
     */
    private void mapCollectionColumn(CollectionColumns.Contributed column) {
        for (PendingProperty property : pending) {
            if (property.column().equalsIgnoreCase(column.column().name())) {
                throw new MappingException(column.ownerType(), column.relationship(), "its "
                        + column.role().name().toLowerCase(java.util.Locale.ROOT) + " column '"
                        + column.column().name() + "' is also mapped by " + type.getSimpleName() + "."
                        + property.path() + "; the collection writes that column itself.", "Remove the property "
                        + "from " + type.getSimpleName() + " (or map the relationship from its side with "
                        + "mappedBy), or give the collection's column another name.");
            }
        }
        columns.add(column.column());
        levels.add(type);
        access.add(new CollectionColumns.Slot(column.role()));
        pending.add(new PendingProperty(column.path(), column.column().name(), false, false, null));
    }

    /** The hierarchy's discriminator column, in the root's table, as a slot whose value is the class's own. */
    private void mapDiscriminator() {
        Hierarchy h = java.util.Objects.requireNonNull(hierarchy);
        io.mapper.schema.Column<?> column = h.discriminatorColumn();
        if (column == null) {
            return;
        }
        for (PendingProperty property : pending) {
            if (property.column().equals(column.name()) || property.path().equals(column.name())) {
                throw new MappingException(type, property.path(), "its column '" + property.column() + "' conflicts "
                        + "with the discriminator column '" + column.name() + "' of " + h.root().getSimpleName()
                        + ", which mapper writes from @DiscriminatorValue.", "Remove the field (the class is the "
                        + "value), or name the discriminator column otherwise in @DiscriminatorColumn(name = ...).");
            }
        }
        columns.add(column);
        levels.add(h.root());
        access.add(new Mapper.Discriminator(h.valueOf(type)));
        pending.add(new PendingProperty(column.name(), column.name(), false, false, null));
    }

    /** Creates a table of {@code tableColumns} in {@code metadata}, reporting an invalid one as a mapping error. */
    io.mapper.schema.Table createTable(MetaData metadata, Class<?> owner,
            List<io.mapper.schema.Column<?>> tableColumns) {
        String tableName = tableNameOf(owner);
        String schema = schemaOf(owner);
        try {
            List<TableElement> all = new ArrayList<>(tableColumns);
            java.util.Set<String> names = new java.util.HashSet<>();
            tableColumns.forEach(column -> names.add(column.name()));
            for (io.mapper.schema.Constraint constraint : tableConstraints) {
                if (names.containsAll(constraint.columnNames())) {
                    all.add(constraint);
                }
            }
            TableElement[] elements = all.toArray(TableElement[]::new);
            TableElement[] rest = java.util.Arrays.copyOfRange(elements, 1, elements.length);
            return schema == null ? metadata.table(tableName, elements[0], rest)
                    : metadata.table(schema, tableName, elements[0], rest);
        } catch (ArgumentException e) {
            throw new MappingException(type, "its table '" + tableName + "' is invalid: " + e.getMessage(),
                    "Fix the @Table/@Column names.");
        }
    }

    /**
     * The mapper, each property on the column of its level's table in {@code tables}; a joined subclass's table also
     * gets its primary key, written from the base row's key.
     */
    @SuppressWarnings("unchecked")
    <E> Mapper<E> finish(Class<E> entityType, java.util.Map<Class<?>, io.mapper.schema.Table> tables) {
        Entity entity = entityType.getAnnotation(Entity.class);
        String entityName = entity == null || entity.name().isEmpty() ? entityType.getSimpleName() : entity.name();
        List<PropertyMapping> properties = new ArrayList<>(pending.size());
        java.util.Map<io.mapper.schema.Table, List<PropertyMapping>> byTable = new java.util.LinkedHashMap<>();
        for (int slot = 0; slot < pending.size(); slot++) {
            PendingProperty property = pending.get(slot);
            io.mapper.schema.Table table = tables.get(levels.get(slot));
            PropertyMapping mapping = new PropertyMapping(property.path(), table.column(property.column()), slot,
                    property.primaryKey(), property.version(), property.generation(), property.loading(),
                    property.generatedBy(), property.stamp());
            properties.add(mapping);
            byTable.computeIfAbsent(table, unused -> new ArrayList<>()).add(mapping);
        }
        List<PropertyMapping> keys = properties.stream().filter(PropertyMapping::isPrimaryKey).toList();
        List<TablePart> parts = new ArrayList<>();
        for (java.util.Map.Entry<io.mapper.schema.Table, List<PropertyMapping>> entry : byTable.entrySet()) {
            List<PropertyMapping> partProperties = new ArrayList<>();
            List<PropertyMapping> partKeys = new ArrayList<>();
            if (!entry.getValue().containsAll(keys)) {
                // A joined subclass's table: its primary key repeats the base row's, in the key's slots.
                for (PropertyMapping key : keys) {
                    PropertyMapping copy = new PropertyMapping(key.path(),
                            entry.getKey().column(key.column().name()), key.slot(), true, false, null);
                    partKeys.add(copy);
                    partProperties.add(copy);
                }
            } else {
                partKeys.addAll(keys);
            }
            partProperties.addAll(entry.getValue());
            parts.add(new TablePart(entry.getKey(), partProperties, partKeys));
        }
        for (java.util.Map.Entry<RelationshipMapping, List<Integer>> entry : foreignKeySlots.entrySet()) {
            entry.getKey().foreignKeys(entry.getValue().stream().map(properties::get).toList());
        }
        java.util.Map<String, PropertyMapping> byPath = new java.util.LinkedHashMap<>();
        properties.forEach(property -> byPath.put(property.path(), property));
        EntityInstantiator<E> instantiator = java.lang.reflect.Modifier.isAbstract(entityType.getModifiers())
                && hierarchy != null ? null : EntityInstantiator.of(entityType);
        Mapper<E> mapper = new Mapper<>(entityType, entityName, parts, properties, embeddeds, access, instantiator,
                relationships, Lifecycle.of(entityType, byPath), hierarchy == null ? entityType : hierarchy.root());
        mapper.elementCollections(elementCollections);
        return mapper;
    }

    String tableNameOf(Class<?> entityType) {
        Table tableAnnotation = entityType.getAnnotation(Table.class);
        return tableAnnotation == null ? options.naming().tableName(entityType.getSimpleName())
                : tableAnnotation.name();
    }

    static List<Field> mappedFields(Class<?> entityType) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> current = entityType; current != null && current != Object.class;
                current = current.getSuperclass()) {
            hierarchy.add(0, current);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> level : hierarchy) {
            for (Field field : level.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                fields.add(field);
            }
        }
        return fields;
    }

    private static boolean notAColumn(Field field) {
        return field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToMany.class)
                || field.isAnnotationPresent(OneToOne.class) || field.isAnnotationPresent(ManyToMany.class);
    }

    private void mapColumn(Field field) {
        Column annotation = field.getAnnotation(Column.class);
        boolean id = field.isAnnotationPresent(Id.class);
        boolean version = field.isAnnotationPresent(Version.class);
        GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
        String columnName = annotation == null || annotation.name().isEmpty()
                ? options.naming().columnName(field.getName()) : annotation.name();
        boolean holder = io.mapper.orm.state.DeferredHolder.class.isAssignableFrom(field.getType());
        Class<?> valueType = holder ? elementType(field) : field.getType();
        PropertyMapping.Loading loading = loading(field, annotation, holder, id || version);
        SqlType<?> sqlType = holder ? sqlType(field.getName(), valueType, annotation)
                : PropertyTypes.of(type, field, annotation, options);
        GenerationTime generatedBy = generatedBy(field, id, version);
        PropertyMapping.Stamp stamp = stamp(field, generatedBy);
        if (version && !(isIntegral(field.getType()))) {
            throw new MappingException(type, field.getName(), "a @Version property must be an int or a long, not "
                    + field.getType().getSimpleName() + ".", "Change its type to long.");
        }
        GenerationStrategy strategy = generated == null ? null : generated.strategy();
        if (generated != null && !id) {
            throw new MappingException(type, field.getName(), "@GeneratedValue is only for @Id properties.",
                    "Add @Id, or remove @GeneratedValue.");
        }
        if (strategy == GenerationStrategy.UUID && field.getType() != java.util.UUID.class
                && field.getType() != String.class) {
            throw new MappingException(type, field.getName(), "a UUID-generated key must be a UUID or a String, not "
                    + field.getType().getSimpleName() + ".", "Change its type to java.util.UUID.");
        }
        if ((strategy == GenerationStrategy.IDENTITY || strategy == GenerationStrategy.SEQUENCE)
                && !isIntegral(field.getType())) {
            throw new MappingException(type, field.getName(), "a database-generated key must be an integer type, "
                    + "not " + field.getType().getSimpleName() + ".",
                    "Use Long, or @GeneratedValue(strategy = GenerationStrategy.UUID) for UUIDs.");
        }
        io.mapper.schema.Column<?> column = io.mapper.schema.Column.of(columnName, sqlType);
        if (id) {
            column = column.primaryKey();
        }
        if (strategy == GenerationStrategy.IDENTITY || strategy == GenerationStrategy.SEQUENCE) {
            column = column.autoincrement();
        }
        if (strategy == GenerationStrategy.SEQUENCE) {
            // The sequence is the column's default where the database has sequences (created with the table);
            // SQLite has none and uses its autoincrement key instead.
            String sequenceName = generated.sequence().isEmpty() ? options.naming().sequenceName(tableNameOf(type))
                    : generated.sequence();
            column = column.defaultSequence(io.mapper.schema.Sequence.of(sequenceName));
        }
        boolean nullable = !id && !version && !field.getType().isPrimitive()
                && (annotation == null || annotation.nullable());
        column = column.nullable(nullable);
        column = applyColumnOptions(column, annotation);
        columns.add(column);
        access.add(holder ? new DeferredAccess(PropertyAccessor.of(field), valueType, holderFactory(field))
                : PropertyAccessor.of(field));
        pending.add(new PendingProperty(field.getName(), columnName, id, version, strategy, loading, generatedBy,
                stamp));
    }

    /** How a column property loads: {@code @Column(deferred, raiseLoad)}, checked against the field's kind. */
    private PropertyMapping.Loading loading(Field field, @Nullable Column annotation, boolean holder,
            boolean keyOrVersion) {
        boolean deferred = annotation != null && annotation.deferred();
        boolean raise = annotation != null && annotation.raiseLoad();
        if (raise && !deferred) {
            throw new MappingException(type, field.getName(), "raiseLoad is for deferred columns.",
                    "Add deferred = true, or remove raiseLoad.");
        }
        if (deferred && keyOrVersion) {
            throw new MappingException(type, field.getName(), "a primary key or @Version column cannot be deferred: "
                    + "every object is identified and checked by it.", "Remove deferred = true.");
        }
        if (deferred && field.getType().isPrimitive()) {
            throw new MappingException(type, field.getName(), "a deferred column needs a type that can be unset "
                    + "until loaded, not the primitive " + field.getType() + ".", "Declare it as "
                    + io.mapper.types.Conversions.boxed(field.getType()).getSimpleName() + " or Deferred<"
                    + io.mapper.types.Conversions.boxed(field.getType()).getSimpleName() + ">.");
        }
        if (raise && !holder) {
            throw new MappingException(type, field.getName(), "raiseLoad needs to see the first access, and a plain "
                    + "field's cannot be seen without bytecode instrumentation.", "Declare it as Deferred<"
                    + field.getType().getSimpleName() + ">.");
        }
        return raise ? PropertyMapping.Loading.RAISE
                : deferred ? PropertyMapping.Loading.DEFERRED : PropertyMapping.Loading.EAGER;
    }

    /** The {@code @Generated} timing of a column property, checked against its other annotations. */
    private @Nullable GenerationTime generatedBy(Field field, boolean id, boolean version) {
        Generated generated = field.getAnnotation(Generated.class);
        if (generated == null) {
            return null;
        }
        if (id) {
            throw new MappingException(type, field.getName(), "@Generated is for columns the database fills in, not "
                    + "for the primary key.", "Use @GeneratedValue on an @Id.");
        }
        if (version && generated.value() != GenerationTime.ALWAYS) {
            throw new MappingException(type, field.getName(), "a version counter kept by the database changes on "
                    + "every UPDATE.", "Use @Generated(GenerationTime.ALWAYS) with @Version.");
        }
        return generated.value();
    }

    /** The time mapper sets itself ({@code @CreationTimestamp}, {@code @UpdateTimestamp}), checked. */
    private PropertyMapping.@Nullable Stamp stamp(Field field, @Nullable GenerationTime generatedBy) {
        boolean creation = field.isAnnotationPresent(CreationTimestamp.class);
        boolean update = field.isAnnotationPresent(UpdateTimestamp.class);
        if (!creation && !update) {
            return null;
        }
        if (creation && update || generatedBy != null) {
            throw new MappingException(type, field.getName(), "it has more than one of @CreationTimestamp, "
                    + "@UpdateTimestamp and @Generated.", "Keep one: mapper or the database sets the time, not both.");
        }
        if (!Timestamps.supports(field.getType())) {
            throw new MappingException(type, field.getName(), "a timestamp set by mapper must be an Instant, "
                    + "LocalDateTime, OffsetDateTime or LocalDate, not " + field.getType().getSimpleName() + ".",
                    "Change its type to Instant.");
        }
        return creation ? PropertyMapping.Stamp.CREATION : PropertyMapping.Stamp.UPDATE;
    }

    /** The holder type's static {@code of(value)} (for {@code Ref}: {@code Ref.of}), resolved once. */
    private java.lang.invoke.MethodHandle holderFactory(Field field) {
        try {
            return java.lang.invoke.MethodHandles.publicLookup().findStatic(field.getType(), "of",
                    java.lang.invoke.MethodType.methodType(field.getType(), Object.class));
        } catch (ReflectiveOperationException e) {
            throw new MappingException(type, field.getName(), "its holder type " + field.getType().getName()
                    + " has no public static of(Object).", "Declare the field as Ref<" + elementType(field)
                    .getSimpleName() + "> or Deferred<" + elementType(field).getSimpleName() + ">.");
        }
    }

    private void mapRelationship(Field field) {
        ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        OneToMany oneToMany = field.getAnnotation(OneToMany.class);
        ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
        boolean collection = java.util.Collection.class.isAssignableFrom(field.getType())
                || field.getType() == java.util.Map.class;
        boolean holder = io.mapper.orm.state.ReferenceHolder.class.isAssignableFrom(field.getType());
        Class<?> target = collection || holder ? elementType(field) : field.getType();
        if (holder && manyToOne == null && (oneToOne == null || !oneToOne.mappedBy().isEmpty())) {
            throw new MappingException(type, field.getName(), "a Ref holder is for the owning side of a reference "
                    + "(@ManyToOne, or @OneToOne without mappedBy).", "Declare the field as "
                    + target.getSimpleName() + ".");
        }
        if (!infos.containsKey(target)) {
            throw new MappingException(type, field.getName(), "its target " + target.getName() + " is not one of "
                    + "the mapped entities.", "Annotate it with @Entity and map it in the same session factory.");
        }
        if ((manyToOne != null || oneToOne != null) && collection) {
            throw new MappingException(type, field.getName(), "a to-one relationship cannot be a collection.",
                    "Declare the field as " + target.getSimpleName() + ", or use @OneToMany/@ManyToMany.");
        }
        checkMap(field, target, oneToMany);
        if ((oneToMany != null || manyToMany != null) && !(field.getType() == List.class
                || field.getType() == java.util.Set.class || field.getType() == java.util.Collection.class
                || field.getType() == java.util.Map.class && oneToMany != null)) {
            throw new MappingException(type, field.getName(), "a collection relationship must be declared as "
                    + "List, Set or Collection, not " + field.getType().getSimpleName() + ".",
                    "Change the field's type to List<" + target.getSimpleName() + "> or Set<...>.");
        }
        PropertyAccessor accessor = PropertyAccessor.of(field);
        RelationshipMapping relationship;
        if (manyToOne != null || (oneToOne != null && oneToOne.mappedBy().isEmpty())) {
            io.mapper.orm.annotation.FetchStrategy fetch = manyToOne != null ? manyToOne.fetch() : oneToOne.fetch();
            boolean optional = manyToOne != null ? manyToOne.optional() : oneToOne.optional();
            io.mapper.orm.annotation.Cascade[] cascade = manyToOne != null ? manyToOne.cascade() : oneToOne.cascade();
            String backPopulates = manyToOne != null ? manyToOne.backPopulates() : "";
            relationship = new RelationshipMapping(type, field.getName(), accessor, RelationshipMapping.Kind.MANY_TO_ONE,
                    target, true, false, defaultFetch(fetch, true), java.util.List.of(cascade), false, backPopulates,
                    List.of(), holder);
            if (holder) {
                relationship.holderFactory(holderFactory(field));
            }
            EntityInfo targetInfo = infos.get(target);
            List<ForeignKeyColumns.Part> parts = ForeignKeyColumns.of(type, field, target, targetInfo,
                    options.naming());
            String onDelete = ForeignKeyColumns.onDelete(field);
            io.mapper.schema.reflection.ReferentialAction action = onDelete.isEmpty() ? null
                    : io.mapper.schema.reflection.ReferentialAction.valueOf(
                            onDelete.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
            List<Integer> slots = new ArrayList<>(parts.size());
            for (int part = 0; part < parts.size(); part++) {
                ForeignKeyColumns.Part foreignKey = parts.get(part);
                io.mapper.schema.Column<?> column = io.mapper.schema.Column.of(foreignKey.column(),
                        foreignKey.key().type()).nullable(optional);
                if (parts.size() == 1) {
                    column = column.references(targetInfo.qualifiedName() + "." + foreignKey.key().column());
                    if (action != null) {
                        column = column.onDelete(action);
                    }
                    if (oneToOne != null) {
                        column = column.unique();
                    }
                }
                columns.add(column);
                slots.add(pending.size());
                access.add(new Mapper.ForeignKeyPart(relationship, part));
                pending.add(new PendingProperty(field.getName() + "." + foreignKey.key().column(),
                        foreignKey.column(), false, false, null));
            }
            foreignKeySlots.put(relationship, slots);
            if (parts.size() > 1) {
                // A composite key: one FOREIGN KEY (a, b) REFERENCES target (x, y) constraint over all the columns.
                List<String> names = parts.stream().map(ForeignKeyColumns.Part::column).toList();
                io.mapper.schema.ForeignKeyConstraint constraint = io.mapper.schema.ForeignKeyConstraint.of(names,
                        targetInfo.qualifiedName(), targetInfo.keyColumns());
                tableConstraints.add(action == null ? constraint : constraint.onDelete(action));
                if (oneToOne != null) {
                    tableConstraints.add(io.mapper.schema.UniqueConstraint.of(names.toArray(String[]::new)));
                }
            }
        } else if (oneToMany != null || oneToOne != null) {
            boolean single = oneToOne != null;
            relationship = new RelationshipMapping(type, field.getName(), accessor, RelationshipMapping.Kind.ONE_TO_MANY,
                    target, single, field.getType() == java.util.Set.class,
                    defaultFetch(single ? oneToOne.fetch() : oneToMany.fetch(), single),
                    java.util.List.of(single ? oneToOne.cascade() : oneToMany.cascade()),
                    !single && oneToMany.passiveDeletes(), single ? oneToOne.mappedBy() : oneToMany.mappedBy(),
                    single ? List.of() : orderBy(oneToMany.orderBy()));
            if (!single) {
                io.mapper.orm.annotation.JoinColumn join =
                        field.getAnnotation(io.mapper.orm.annotation.JoinColumn.class);
                io.mapper.orm.annotation.OrderColumn order =
                        field.getAnnotation(io.mapper.orm.annotation.OrderColumn.class);
                String joinPath = join == null || !oneToMany.mappedBy().isEmpty() ? null
                        : CollectionColumns.pathOf(field.getDeclaringClass(), field.getName(), join.name());
                String orderPath = order == null ? null : CollectionColumns.pathOf(field.getDeclaringClass(),
                        field.getName(), order.name().isEmpty()
                                ? options.naming().columnName(field.getName() + "Order") : order.name());
                relationship.collectionColumnPaths(joinPath, orderPath);
                io.mapper.orm.annotation.MapKey mapKey = field.getAnnotation(io.mapper.orm.annotation.MapKey.class);
                io.mapper.orm.annotation.MapKeyColumn mapKeyColumn =
                        field.getAnnotation(io.mapper.orm.annotation.MapKeyColumn.class);
                relationship.mapKey(mapKey == null ? null : mapKey.name(), mapKeyColumn == null ? null
                        : CollectionColumns.pathOf(field.getDeclaringClass(), field.getName(),
                                CollectionColumns.keyColumnName(field, mapKeyColumn, options)));
            }
        } else {
            relationship = new RelationshipMapping(type, field.getName(), accessor,
                    RelationshipMapping.Kind.MANY_TO_MANY, target, false, field.getType() == java.util.Set.class,
                    defaultFetch(manyToMany.fetch(), false), java.util.List.of(manyToMany.cascade()), false,
                    manyToMany.mappedBy(), orderBy(manyToMany.orderBy()));
        }
        relationships.add(relationship);
    }

    /**
     * Checks a {@code Map}-valued relationship: a one-to-many keyed by exactly one of {@code @MapKey} (an attribute
     * of the target whose type is the map's key type) and {@code @MapKeyColumn}; and no key annotation elsewhere.
     */
    private void checkMap(Field field, Class<?> target, @Nullable OneToMany oneToMany) {
        io.mapper.orm.annotation.MapKey mapKey = field.getAnnotation(io.mapper.orm.annotation.MapKey.class);
        boolean keyColumn = field.isAnnotationPresent(io.mapper.orm.annotation.MapKeyColumn.class);
        String annotation = mapKey != null ? "@MapKey" : "@MapKeyColumn";
        if (field.getType() != java.util.Map.class) {
            if (mapKey != null || keyColumn) {
                throw new MappingException(type, field.getName(), annotation + " keys a Map, and the field is a "
                        + field.getType().getSimpleName() + ".", "Declare it as Map<KeyType, "
                        + target.getSimpleName() + ">, or remove " + annotation + ".");
            }
            return;
        }
        if (oneToMany == null) {
            throw new MappingException(type, field.getName(), "a Map-valued relationship must be a @OneToMany.",
                    "Map it with @OneToMany and @MapKey or @MapKeyColumn, or declare it as a List or Set.");
        }
        if (mapKey == null && !keyColumn) {
            throw new MappingException(type, field.getName(), "a Map-valued @OneToMany needs its key: an attribute "
                    + "of " + target.getSimpleName() + " or a column of its table.", "Add @MapKey(name = "
                    + "\"<attribute of " + target.getSimpleName() + ">\") or @MapKeyColumn(name = \"<column>\").");
        }
        if (mapKey != null && keyColumn) {
            throw new MappingException(type, field.getName(), "it has both @MapKey and @MapKeyColumn; a map has one "
                    + "key.", "Keep @MapKey to key by an attribute of " + target.getSimpleName() + ", or "
                    + "@MapKeyColumn to key by a column no attribute maps.");
        }
        java.lang.reflect.Type keyType = field.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                ? p.getActualTypeArguments()[0] : Object.class;
        if (mapKey != null) {
            Field attribute = null;
            for (Field candidate : mappedFields(target)) {
                if (candidate.getName().equals(mapKey.name())) {
                    attribute = candidate;
                }
            }
            if (attribute == null || notAColumn(attribute)) {
                throw new MappingException(type, field.getName(), "@MapKey(name = \"" + mapKey.name() + "\") "
                        + "names no column attribute of " + target.getSimpleName() + ".", "Name one of "
                        + target.getSimpleName() + "'s attributes, or use @MapKeyColumn for a column no attribute "
                        + "maps.");
            }
            if (!(keyType instanceof Class<?> keyClass) || io.mapper.types.Conversions.boxed(keyClass)
                    != io.mapper.types.Conversions.boxed(attribute.getType())) {
                throw new MappingException(type, field.getName(), "its key type " + keyType.getTypeName()
                        + " is not the type of " + target.getSimpleName() + "." + mapKey.name() + " ("
                        + attribute.getType().getSimpleName() + ").", "Declare it as Map<"
                        + io.mapper.types.Conversions.boxed(attribute.getType()).getSimpleName() + ", "
                        + target.getSimpleName() + ">.");
            }
        } else if (!(keyType instanceof Class<?>)) {
            throw new MappingException(type, field.getName(), "its key type " + keyType.getTypeName() + " is not a "
                    + "plain class.", "Key the map by a String, a number, a date or an enum.");
        }
    }

    private static boolean isRelationship(Field field) {
        return field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class)
                || field.isAnnotationPresent(OneToMany.class) || field.isAnnotationPresent(ManyToMany.class)
                || field.isAnnotationPresent(io.mapper.orm.annotation.Transient.class);
    }

    private static io.mapper.orm.annotation.FetchStrategy defaultFetch(io.mapper.orm.annotation.FetchStrategy fetch,
            boolean single) {
        if (fetch != io.mapper.orm.annotation.FetchStrategy.DEFAULT) {
            return fetch;
        }
        return single ? io.mapper.orm.annotation.FetchStrategy.LAZY : io.mapper.orm.annotation.FetchStrategy.SELECT_IN;
    }

    private static List<RelationshipMapping.Order> orderBy(String spec) {
        List<RelationshipMapping.Order> order = new ArrayList<>();
        for (String item : spec.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            order.add(new RelationshipMapping.Order(parts[0], parts.length > 1 && parts[1].equalsIgnoreCase("desc")));
        }
        return order;
    }

    private Class<?> elementType(Field field) {
        if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType parameterized
                && field.getType() == java.util.Map.class && parameterized.getActualTypeArguments().length == 2
                && parameterized.getActualTypeArguments()[1] instanceof Class<?> value) {
            return value;
        }
        if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType parameterized
                && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new MappingException(type, field.getName(), "the related type is not declared.",
                "Declare it as List<Target>, Set<Target>, Ref<Target> or Deferred<Type>.");
    }

    private void mapEmbedded(Field field) {
        EmbeddedMapping embedded = EmbeddedMapping.of(type, field);
        Embedded annotation = field.getAnnotation(Embedded.class);
        String prefix = annotation.prefix().isEmpty() ? options.naming().embeddedPrefix(field.getName())
                : annotation.prefix();
        int index = embeddeds.size();
        embeddeds.add(embedded);
        List<EmbeddedMapping.Component> components = embedded.components();
        for (int i = 0; i < components.size(); i++) {
            EmbeddedMapping.Component component = components.get(i);
            Column annotationOfComponent = component.column();
            String columnName = prefix + (annotationOfComponent == null || annotationOfComponent.name().isEmpty()
                    ? options.naming().columnName(component.name()) : annotationOfComponent.name());
            SqlType<?> sqlType = sqlType(field.getName() + "." + component.name(), component.type(),
                    annotationOfComponent);
            io.mapper.schema.Column<?> column = io.mapper.schema.Column.of(columnName, sqlType)
                    .nullable(!component.type().isPrimitive()
                            && (annotationOfComponent == null || annotationOfComponent.nullable()));
            column = applyColumnOptions(column, annotationOfComponent);
            columns.add(column);
            access.add(new int[] {index, i});
            pending.add(new PendingProperty(field.getName() + "." + component.name(), columnName, false, false,
                    null));
        }
    }

    private static io.mapper.schema.Column<?> applyColumnOptions(io.mapper.schema.Column<?> column,
            @Nullable Column annotation) {
        if (annotation == null) {
            return column;
        }
        io.mapper.schema.Column<?> result = column;
        if (annotation.unique()) {
            result = result.unique();
        }
        if (annotation.index()) {
            result = result.index();
        }
        if (!annotation.serverDefault().isEmpty()) {
            result = result.serverDefault(annotation.serverDefault());
        }
        if (!annotation.comment().isEmpty()) {
            result = result.comment(annotation.comment());
        }
        if (!annotation.references().isEmpty()) {
            result = result.references(annotation.references());
        }
        return result;
    }

    private SqlType<?> sqlType(String property, Class<?> javaType, @Nullable Column annotation) {
        SqlType<?> sqlType = TypeMapping.forJavaType(javaType, annotation);
        if (sqlType == null) {
            throw new MappingException(type, property, "mapper has no SQL type for " + javaType.getName() + ".",
                    "Use a supported type (numbers, String, BigDecimal, java.time, UUID, byte[], enums), an "
                    + "@Embedded value object, or mark the field @Transient.");
        }
        return sqlType;
    }

    private static boolean isIntegral(Class<?> javaType) {
        Class<?> boxed = io.mapper.types.Conversions.boxed(javaType);
        return boxed == Long.class || boxed == Integer.class || boxed == Short.class;
    }
}
