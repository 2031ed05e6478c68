package io.mapper.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic.Kind;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Embedded;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Inheritance;
import io.mapper.orm.annotation.InheritanceType;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.OneToOne;
import io.mapper.orm.annotation.Table;
import io.mapper.orm.annotation.Transient;
import io.mapper.orm.annotation.Version;
import io.mapper.orm.convention.NamingStrategy;

/**
 * Reads one {@code @Entity} class through {@code javax.lang.model} with {@code MapperBuilder}'s rules and builds the
 * model of its metamodel class. Each mapping error that {@code MapperBuilder} would raise at start-up is reported
 * here as a compile error on the offending element (the field when the entity declares it, else the class), worded
 * as the runtime words it.
 *
 * <p>Relationship fields ({@code @ManyToOne}, {@code @OneToMany}, {@code @OneToOne}, {@code @ManyToMany}) get a
 * {@code Relation}; a reference (many-to-one, owning one-to-one) also gets the attribute of its foreign-key column.
 */
final class EntityReader {

    /** Generated field names that would break the generated class: its own constant and the package it names. */
    private static final Set<String> RESERVED = Set.of("TABLE", "io");

    private final Messager messager;
    private final Types types;
    private final Names names;
    private final SqlTypeResolver resolver;
    /** The names of what the annotations leave unnamed: {@code -Amapper.namingStrategy}, snake_case by default. */
    private final NamingStrategy naming;

    EntityReader(Messager messager, Types types, Names names, NamingStrategy naming) {
        this.messager = messager;
        this.types = types;
        this.names = names;
        this.resolver = new SqlTypeResolver(types, names);
        this.naming = naming;
    }

    /**
     * Whether a mapped field's type (or an embedded component's) is not known yet, typically because another
     * processor generates it in a later round.
     */
    boolean hasUnresolvedTypes(TypeElement entity) {
        for (VariableElement field : mappedFields(entity)) {
            TypeMirror type = field.asType();
            if (type.getKind() == TypeKind.ERROR) {
                return true;
            }
            if (field.getAnnotation(Embedded.class) != null && type.getKind() == TypeKind.DECLARED) {
                TypeElement value = (TypeElement) ((DeclaredType) type).asElement();
                for (Element component : value.getEnclosedElements()) {
                    if ((component.getKind() == ElementKind.FIELD || component.getKind() == ElementKind.RECORD_COMPONENT)
                            && component.asType().getKind() == TypeKind.ERROR) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The metamodel of {@code entity}, or null when it has mapping errors (reported as errors) or cannot have a
     * metamodel class (a private nested class: reported as a note).
     */
    @Nullable EntityModel read(TypeElement entity) {
        return new Reading(entity).read();
    }

    /** Mapped fields in the runtime's order: superclass fields first; not static, not transient, not @Transient. */
    private static List<VariableElement> mappedFields(TypeElement entity) {
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement level = entity; level != null; level = superclass(level)) {
            hierarchy.add(0, level);
        }
        List<VariableElement> fields = new ArrayList<>();
        for (TypeElement level : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(level.getEnclosedElements())) {
                if (isPersistent(field)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static @Nullable TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private static boolean isPersistent(VariableElement field) {
        Set<Modifier> modifiers = field.getModifiers();
        return !modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)
                && field.getAnnotation(Transient.class) == null;
    }

    /** The related class of a relationship field: the field's type, or its collection's element type. */
    private static @Nullable String relationTarget(VariableElement field) {
        javax.lang.model.type.TypeMirror type = field.asType();
        if (type instanceof javax.lang.model.type.DeclaredType declared) {
            javax.lang.model.type.TypeMirror target = declared.getTypeArguments().isEmpty() ? declared
                    : declared.getTypeArguments().get(declared.getTypeArguments().size() - 1);    // a Map's value
            if (target instanceof javax.lang.model.type.DeclaredType targetType
                    && targetType.asElement() instanceof TypeElement element) {
                return element.getQualifiedName().toString();
            }
        }
        return null;
    }

    /** The related entity of a to-one field: its type, or a {@code Ref<T>}'s type argument. */
    private static @Nullable TypeElement relationTargetElement(VariableElement field) {
        TypeMirror type = field.asType();
        if (type instanceof DeclaredType declared) {
            TypeMirror target = declared.getTypeArguments().isEmpty() ? declared
                    : declared.getTypeArguments().get(declared.getTypeArguments().size() - 1);    // a Map's value
            if (target instanceof DeclaredType targetType && targetType.asElement() instanceof TypeElement element) {
                return element;
            }
        }
        return null;
    }

    private static boolean isRelationship(Element field) {
        return field.getAnnotation(ManyToOne.class) != null || field.getAnnotation(OneToMany.class) != null
                || field.getAnnotation(OneToOne.class) != null || field.getAnnotation(ManyToMany.class) != null;
    }

    private static boolean hasNoArgumentConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .map(ExecutableElement::getParameters)
                .anyMatch(List::isEmpty);
    }

    private static boolean isInnerClass(TypeElement type) {
        return type.getNestingKind().isNested() && !type.getModifiers().contains(Modifier.STATIC)
                && type.getEnclosingElement().getKind().isClass();
    }

    private static String capitalize(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** The table name of an entity class: its {@code @Table}, else the naming strategy's name of its simple name. */
    private String tableOf(TypeElement type) {
        Table table = type.getAnnotation(Table.class);
        return table == null ? naming.tableName(type.getSimpleName().toString()) : table.name();
    }

    /**
     * The base class of an entity's inheritance hierarchy: its highest {@code @Entity} superclass, or itself when it
     * declares {@code @Inheritance}; null outside a hierarchy.
     */
    private static @Nullable TypeElement rootOf(TypeElement entity) {
        TypeElement root = null;
        for (TypeElement current = superclass(entity); current != null; current = superclass(current)) {
            if (current.getAnnotation(Entity.class) != null) {
                root = current;
            }
        }
        if (root == null && entity.getAnnotation(Inheritance.class) != null) {
            return entity;
        }
        return root;
    }

    /** One property of an embedded value object. */
    private record Component(String name, TypeMirror type, @Nullable Column column) {
    }

    /** The state of reading one entity. */
    private final class Reading {

        private final TypeElement entity;
        private final String packageName;
        private final String entityReference;
        private final List<AttributeModel> attributes = new ArrayList<>();
        private final List<EntityModel.RelationModel> relations = new ArrayList<>();
        /** Column name to the property that maps it, for duplicate columns. */
        private final Map<String, String> columns = new LinkedHashMap<>();
        /** Generated field name to the property it holds, for clashing names. */
        private final Map<String, String> fieldNames = new LinkedHashMap<>();
        private String tableName = "";
        private String schema = "";
        private boolean failed;
        private int ids;
        private int generatedIds;
        private int versions;

        /** The base class of the entity's inheritance hierarchy, or null when it is in none. */
        private final @Nullable TypeElement root;

        Reading(TypeElement entity) {
            this.entity = entity;
            this.root = rootOf(entity);
            this.packageName = names.packageName(entity);
            String qualified = entity.getQualifiedName().toString();
            this.entityReference = packageName.isEmpty() ? qualified : qualified.substring(packageName.length() + 1);
        }

        private void mapRelation(VariableElement field) {
            OneToMany oneToMany = field.getAnnotation(OneToMany.class);
            if (oneToMany != null && !checkOneToMany(field, oneToMany)) {
                return;
            }
            String target = relationTarget(field);
            if (target != null && !target.equals("java.lang.Object")) {
                relations.add(new EntityModel.RelationModel(field.getSimpleName().toString(), target));
                OneToOne oneToOne = field.getAnnotation(OneToOne.class);
                if (field.getAnnotation(ManyToOne.class) != null || oneToOne != null && oneToOne.mappedBy().isEmpty()) {
                    mapForeignKey(field);
                }
            }
        }

        /**
         * The runtime's checks of a one-to-many's form ({@code CollectionColumns}): {@code mappedBy} or a
         * {@code @JoinColumn}, not both; an {@code @OrderColumn} on a {@code List} only, without {@code orderBy}.
         */
        private boolean checkOneToMany(VariableElement field, OneToMany oneToMany) {
            String property = field.getSimpleName().toString();
            TypeElement target = relationTargetElement(field);
            String targetName = target == null ? "the target" : target.getSimpleName().toString();
            boolean join = field.getAnnotation(io.mapper.orm.annotation.JoinColumn.class) != null;
            io.mapper.orm.annotation.OrderColumn order =
                    field.getAnnotation(io.mapper.orm.annotation.OrderColumn.class);
            String problem = null;
            String fix = null;
            if (oneToMany.mappedBy().isEmpty() && !join) {
                problem = "a @OneToMany needs either mappedBy (the @ManyToOne on " + targetName + " that owns the "
                        + "foreign key) or a @JoinColumn naming the foreign key column of " + targetName + "'s table.";
                fix = "Add mappedBy = \"...\" or @JoinColumn(name = \"" + tableName + "_id\").";
            } else if (!oneToMany.mappedBy().isEmpty() && join) {
                problem = "@JoinColumn on a @OneToMany is for the unidirectional form; with mappedBy the foreign key "
                        + "is the column of " + targetName + "." + oneToMany.mappedBy() + ".";
                fix = "Put @JoinColumn on " + targetName + "." + oneToMany.mappedBy() + ", or remove mappedBy.";
            } else if (order != null && !types.erasure(field.asType()).toString().equals("java.util.List")) {
                problem = "@OrderColumn keeps the order of a List, and the field is a "
                        + names.simpleName(types.erasure(field.asType())) + ".";
                fix = "Declare it as List<" + targetName + ">.";
            } else if (order != null && !oneToMany.orderBy().isEmpty()) {
                problem = "it has both @OrderColumn and orderBy; the list's order is its order column.";
                fix = "Remove orderBy.";
            } else {
                String[] map = checkMap(field, targetName);
                problem = map == null ? null : map[0];
                fix = map == null ? null : map[1];
            }
            if (problem != null) {
                error(field, propertyMessage(property, problem, fix));
                return false;
            }
            return true;
        }

        /**
         * The runtime's checks of a map-valued one-to-many ({@code MapperBuilder.checkMap}): a {@code Map} keyed by
         * one of {@code @MapKey} and {@code @MapKeyColumn}, and those annotations on a {@code Map} only; the problem
         * and its fix, or null.
         */
        private String @Nullable [] checkMap(VariableElement field, String targetName) {
            boolean isMap = types.erasure(field.asType()).toString().equals("java.util.Map");
            boolean mapKey = field.getAnnotation(io.mapper.orm.annotation.MapKey.class) != null;
            boolean keyColumn = field.getAnnotation(io.mapper.orm.annotation.MapKeyColumn.class) != null;
            String annotation = mapKey ? "@MapKey" : "@MapKeyColumn";
            if (!isMap && (mapKey || keyColumn)) {
                return new String[] {annotation + " keys a Map, and the field is a "
                        + names.simpleName(types.erasure(field.asType())) + ".", "Declare it as Map<KeyType, "
                        + targetName + ">, or remove " + annotation + "."};
            }
            if (isMap && !mapKey && !keyColumn) {
                return new String[] {"a Map-valued @OneToMany needs its key: an attribute of " + targetName
                        + " or a column of its table.", "Add @MapKey(name = \"<attribute of " + targetName
                        + ">\") or @MapKeyColumn(name = \"<column>\")."};
            }
            if (mapKey && keyColumn) {
                return new String[] {"it has both @MapKey and @MapKeyColumn; a map has one key.", "Keep @MapKey to "
                        + "key by an attribute of " + targetName + ", or @MapKeyColumn to key by a column no "
                        + "attribute maps."};
            }
            return null;
        }

        /**
         * The handle of an element collection ({@code Person_.nicknames}); none for a raw collection or one of
         * entities, which the runtime refuses when the factory is built, naming the fix.
         */
        private void mapElements(VariableElement field) {
            TypeElement element = relationTargetElement(field);
            if (element != null && element.getAnnotation(Entity.class) == null
                    && field.asType() instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()) {
                relations.add(new EntityModel.RelationModel(field.getSimpleName().toString(),
                        element.getQualifiedName().toString(), true));
            }
        }

        /**
         * The attributes of a reference's foreign-key columns ({@code Mail_.ownerId} for {@code @ManyToOne Owner
         * owner}): for each part of the target's key, the runtime's property {@code owner.<key column>}, its join
         * column and the key part's type ({@code Cell_.gridX} and {@code Cell_.gridY} over a key of two columns).
         */
        private void mapForeignKey(VariableElement field) {
            TypeElement target = relationTargetElement(field);
            if (target == null) {
                return;
            }
            List<VariableElement> keys = new ArrayList<>();
            for (VariableElement candidate : mappedFields(target)) {
                if (candidate.getAnnotation(Id.class) != null) {
                    if (candidate.asType().getKind() == TypeKind.ERROR) {
                        return;
                    }
                    keys.add(candidate);
                }
            }
            if (keys.isEmpty()) {
                return;
            }
            String property = field.getSimpleName().toString();
            io.mapper.orm.annotation.JoinColumn[] joins =
                    field.getAnnotationsByType(io.mapper.orm.annotation.JoinColumn.class);
            List<String> columnNames = new ArrayList<>();
            List<SqlTypeResolver.Resolved> resolvedTypes = new ArrayList<>();
            List<String> keyColumns = new ArrayList<>();
            for (VariableElement key : keys) {
                Column keyColumn = key.getAnnotation(Column.class);
                String keyColumnName = keyColumn == null || keyColumn.name().isEmpty()
                        ? naming.columnName(key.getSimpleName().toString()) : keyColumn.name();
                SqlTypeResolver.Result result = resolver.resolve(types.erasure(key.asType()), keyColumn);
                if (!(result instanceof SqlTypeResolver.Resolved resolved)) {
                    return;
                }
                String columnName = joinColumn(property, keyColumnName, keys.size(), joins);
                if (columnName == null) {
                    return;    // @JoinColumns that do not fit the key: the runtime refuses them and says why
                }
                keyColumns.add(keyColumnName);
                columnNames.add(columnName);
                resolvedTypes.add(resolved);
            }
            for (int i = 0; i < keys.size(); i++) {
                addAttribute(field, property + "." + keyColumns.get(i), property
                        + capitalize(keys.get(i).getSimpleName().toString()), columnNames.get(i), resolvedTypes.get(i),
                        "The foreign key of " + link(field) + (keys.size() > 1 ? " (its " + keyColumns.get(i)
                        + " part)." : "."));
            }
        }

        /** The join column referring to {@code keyColumn}, as the runtime names it; null when none fits. */
        private @Nullable String joinColumn(String property, String keyColumn, int keyParts,
                io.mapper.orm.annotation.JoinColumn[] joins) {
            if (joins.length == 0) {
                return keyParts == 1 ? naming.joinColumnName(property) : naming.joinColumnName(property, keyColumn);
            }
            if (keyParts == 1) {
                return joins.length == 1 ? joins[0].name() : null;
            }
            for (io.mapper.orm.annotation.JoinColumn join : joins) {
                if (join.referencedColumnName().equals(keyColumn)) {
                    return join.name();
                }
            }
            return null;
        }

        @Nullable EntityModel read() {
            if (!isInstantiable()) {
                return null;
            }
            tableName = tableOf(levelOf(entity));
            Table table = levelOf(entity).getAnnotation(Table.class);
            schema = table == null ? "" : table.schema();
            if (tableName.isBlank()) {
                error(entity, classMessage("its table '" + tableName + "' is invalid: A table name must not be "
                        + "blank.", "Fix the @Table/@Column names."));
            }
            for (VariableElement field : mappedFields(entity)) {
                if (field.asType().getKind() == TypeKind.ERROR) {
                    // An unknown type is javac's error to report.
                    continue;
                }
                if (field.getAnnotation(io.mapper.orm.annotation.ElementCollection.class) != null) {
                    mapElements(field);
                    continue;
                }
                if (isRelationship(field)) {
                    mapRelation(field);
                    continue;
                }
                if (field.getAnnotation(Embedded.class) != null) {
                    mapEmbedded(field);
                } else {
                    mapColumn(field);
                }
            }
            if (ids == 0) {
                error(entity, classMessage("it has no @Id property.",
                        "Annotate the primary-key field with @io.mapper.orm.annotation.Id."));
            }
            if (versions > 1) {
                error(entity, classMessage("it has more than one @Version property.", "Keep one."));
            }
            if (ids > 1 && generatedIds > 0) {
                error(entity, classMessage("a composite primary key cannot have a @GeneratedValue part.",
                        "Assign composite keys in Java, or use a single generated key."));
            }
            if (failed) {
                return null;
            }
            if (!names.isAccessibleFrom(entity, packageName)) {
                messager.printMessage(Kind.NOTE, "No metamodel class for " + names.binaryName(entity) + ": a private "
                        + "nested class cannot be named from another class. Make it package-private to get "
                        + metamodelName() + ".", entity);
                return null;
            }
            return new EntityModel(entity, packageName, entityReference, metamodelName(), tableName, schema,
                    List.copyOf(attributes), List.copyOf(relations));
        }

        private InheritanceType strategy() {
            Inheritance inheritance = root == null ? null : root.getAnnotation(Inheritance.class);
            return inheritance == null ? InheritanceType.SINGLE_TABLE : inheritance.strategy();
        }

        /**
         * The mapped class whose table holds what {@code declaring} declares, as the runtime lays out the hierarchy:
         * the base for a single table (and for the base's own superclasses), the highest mapped class between the
         * two for joined tables, the entity itself for table-per-class or outside a hierarchy.
         */
        private TypeElement levelOf(TypeElement declaring) {
            if (root == null || strategy() == InheritanceType.TABLE_PER_CLASS) {
                return entity;
            }
            if (strategy() == InheritanceType.SINGLE_TABLE) {
                return root;
            }
            TypeElement level = entity;
            for (TypeElement current = entity; current != null
                    && types.isSubtype(types.erasure(current.asType()), types.erasure(declaring.asType()));
                    current = superclass(current)) {
                if (current.getAnnotation(Entity.class) != null) {
                    level = current;
                }
            }
            return level;
        }

        private String metamodelName() {
            return entityReference.replace('.', '_') + "_";
        }

        /** The checks of {@code EntityInstantiator}: the runtime refuses these classes before reading any field. */
        private boolean isInstantiable() {
            String name = names.binaryName(entity);
            ElementKind kind = entity.getKind();
            boolean abstractBase = entity.getModifiers().contains(Modifier.ABSTRACT) && root != null
                    && strategy() != InheritanceType.TABLE_PER_CLASS;
            if (kind == ElementKind.INTERFACE || kind == ElementKind.ANNOTATION_TYPE
                    || (entity.getModifiers().contains(Modifier.ABSTRACT) && !abstractBase)) {
                error(entity, "The entity " + name + " is abstract; map a concrete class.");
            } else if (kind != ElementKind.CLASS) {
                error(entity, "The entity " + name + " is " + (kind == ElementKind.ENUM ? "an enum" : "a record")
                        + "; map a class with mutable fields and a no-argument constructor.");
            } else if (isInnerClass(entity)) {
                error(entity, "The entity " + name + " is an inner class; declare it static (or top-level) so "
                        + "mapper can create instances.");
            } else if (abstractBase) {
                return true;
            } else if (!hasNoArgumentConstructor(entity)) {
                error(entity, "The entity " + name + " has no no-argument constructor. Add one (it may be private) "
                        + "so mapper can create instances when loading rows.");
            } else {
                return true;
            }
            return false;
        }

        private void mapColumn(VariableElement field) {
            String property = field.getSimpleName().toString();
            Column column = field.getAnnotation(Column.class);
            boolean id = field.getAnnotation(Id.class) != null;
            boolean version = field.getAnnotation(Version.class) != null;
            GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
            GenerationStrategy strategy = generated == null ? null : generated.strategy();
            ids += id ? 1 : 0;
            versions += version ? 1 : 0;
            generatedIds += id && generated != null ? 1 : 0;
            TypeMirror declared = deferredValueType(field.asType());
            boolean holder = declared != null;
            TypeMirror type = types.erasure(holder ? declared : field.asType());
            String simpleType = names.simpleName(type);
            String columnName = column == null || column.name().isEmpty() ? naming.columnName(property)
                    : column.name();
            SqlTypeResolver.Result result = resolver.resolveProperty(field, type, column);
            boolean deferred = column != null && column.deferred();
            boolean raise = column != null && column.raiseLoad();
            if (result instanceof SqlTypeResolver.Problem problem) {
                error(field, propertyMessage(property, problem.problem(), problem.fix()));
            } else if (result instanceof SqlTypeResolver.Deferred later) {
                messager.printMessage(Kind.NOTE, "No metamodel attribute " + metamodelName() + "." + property + ": "
                        + later.note(), field);
            } else if (raise && !deferred) {
                error(field, propertyMessage(property, "raiseLoad is for deferred columns.",
                        "Add deferred = true, or remove raiseLoad."));
            } else if (deferred && (id || version)) {
                error(field, propertyMessage(property, "a primary key or @Version column cannot be deferred: every "
                        + "object is identified and checked by it.", "Remove deferred = true."));
            } else if (deferred && type.getKind().isPrimitive()) {
                String boxed = types.boxedClass((javax.lang.model.type.PrimitiveType) type).getSimpleName().toString();
                error(field, propertyMessage(property, "a deferred column needs a type that can be unset until "
                        + "loaded, not the primitive " + type + ".", "Declare it as " + boxed + " or Deferred<" + boxed
                        + ">."));
            } else if (raise && !holder) {
                error(field, propertyMessage(property, "raiseLoad needs to see the first access, and a plain field's "
                        + "cannot be seen without bytecode instrumentation.", "Declare it as Deferred<" + simpleType
                        + ">."));
            } else if (version && !isIntegral(type)) {
                error(field, propertyMessage(property, "a @Version property must be an int or a long, not "
                        + simpleType + ".", "Change its type to long."));
            } else if (generated != null && !id) {
                error(field, propertyMessage(property, "@GeneratedValue is only for @Id properties.",
                        "Add @Id, or remove @GeneratedValue."));
            } else if (strategy == GenerationStrategy.UUID && !isQualified(type, "java.util.UUID")
                    && !isQualified(type, "java.lang.String")) {
                error(field, propertyMessage(property, "a UUID-generated key must be a UUID or a String, not "
                        + simpleType + ".", "Change its type to java.util.UUID."));
            } else if ((strategy == GenerationStrategy.IDENTITY || strategy == GenerationStrategy.SEQUENCE)
                    && !isIntegral(type)) {
                error(field, propertyMessage(property, "a database-generated key must be an integer type, not "
                        + simpleType + ".", "Use Long, or @GeneratedValue(strategy = GenerationStrategy.UUID) for "
                        + "UUIDs."));
            } else {
                addAttribute(field, property, property, columnName, (SqlTypeResolver.Resolved) result,
                        link(field) + ".");
            }
        }

        private void mapEmbedded(VariableElement field) {
            String property = field.getSimpleName().toString();
            TypeMirror type = types.erasure(field.asType());
            TypeElement value = type.getKind() == TypeKind.DECLARED
                    ? (TypeElement) ((DeclaredType) type).asElement() : null;
            if (value == null || (value.getKind() != ElementKind.RECORD && value.getKind() != ElementKind.CLASS)) {
                error(field, propertyMessage(property, "an @Embedded property must hold a record or a class, not "
                        + names.simpleName(type) + ".", "Make its type a record or an @Embeddable class, or remove "
                        + "@Embedded."));
                return;
            }
            List<Component> components = new ArrayList<>();
            if (value.getKind() == ElementKind.RECORD) {
                for (RecordComponentElement component : value.getRecordComponents()) {
                    components.add(new Component(component.getSimpleName().toString(),
                            types.erasure(component.asType()), component.getAnnotation(Column.class)));
                }
            } else {
                if (value.getModifiers().contains(Modifier.ABSTRACT) || isInnerClass(value)
                        || !hasNoArgumentConstructor(value)) {
                    error(field, propertyMessage(property, "the embedded type " + names.binaryName(value)
                            + " cannot be constructed (it needs to be a concrete, static class with a no-argument "
                            + "constructor).", "Make it a record, or give it a no-argument constructor."));
                    return;
                }
                for (VariableElement component : ElementFilter.fieldsIn(value.getEnclosedElements())) {
                    if (isPersistent(component)) {
                        components.add(new Component(component.getSimpleName().toString(),
                                types.erasure(component.asType()), component.getAnnotation(Column.class)));
                    }
                }
            }
            Embedded embedded = field.getAnnotation(Embedded.class);
            String prefix = embedded.prefix().isEmpty() ? naming.embeddedPrefix(property) : embedded.prefix();
            for (Component component : components) {
                Column column = component.column();
                String path = property + "." + component.name();
                String columnName = prefix + (column == null || column.name().isEmpty()
                        ? naming.columnName(component.name()) : column.name());
                SqlTypeResolver.Result result = resolver.resolve(component.type(), column);
                if (result instanceof SqlTypeResolver.Problem problem) {
                    error(field, propertyMessage(path, problem.problem(), problem.fix()));
                } else {
                    addAttribute(field, path, property + capitalize(component.name()), columnName,
                            (SqlTypeResolver.Resolved) result,
                            link(field) + "{@code ." + component.name() + "}.");
                }
            }
        }

        private void addAttribute(VariableElement field, String property, String fieldName, String columnName,
                SqlTypeResolver.Resolved resolved, String javadoc) {
            if (columnName.isBlank()) {
                error(field, propertyMessage(property, "its column name is blank.", "Give @Column a name, or leave "
                        + "it empty for the naming strategy's name."));
                return;
            }
            String previousColumn = columns.putIfAbsent(columnName, property);
            if (previousColumn != null) {
                error(field, classMessage("its table '" + tableName + "' is invalid: Table '" + tableName
                        + "' declares the column '" + columnName + "' twice; column names must be unique within a "
                        + "table (" + previousColumn + " and " + property + ").", "Fix the @Table/@Column names."));
                return;
            }
            if (RESERVED.contains(fieldName)) {
                error(field, propertyMessage(property, "its metamodel attribute would be named '" + fieldName
                        + "', which " + metamodelName() + " needs for " + (fieldName.equals("TABLE")
                        ? "the table constant." : "the package io of the generated references."),
                        "Rename the field, or mark it @Transient."));
                return;
            }
            String previousField = fieldNames.putIfAbsent(fieldName, property);
            if (previousField != null) {
                error(field, propertyMessage(property, "its metamodel attribute would be named '" + fieldName
                        + "', which is taken by " + previousField + ".", "Rename one of the fields."));
                return;
            }
            TypeElement referenced = resolved.referencedType();
            if (referenced != null && !names.isAccessibleFrom(referenced, packageName)) {
                messager.printMessage(Kind.NOTE, "No metamodel attribute " + metamodelName() + "." + fieldName
                        + ": its type " + names.binaryName(referenced) + " cannot be named from package '"
                        + packageName + "'. Make the type accessible (not private) to get the attribute.", field);
                return;
            }
            TypeElement declaring = (TypeElement) field.getEnclosingElement();
            attributes.add(new AttributeModel(fieldName, property, columnName, resolved.javaType(),
                    resolved.sqlType(), javadoc, tableOf(levelOf(declaring)), resolved.raw()));
        }

        /** A Javadoc link to the field, through the class that declares it (a superclass's field may be private). */
        private String link(VariableElement field) {
            TypeElement declaring = (TypeElement) field.getEnclosingElement();
            String owner = declaring.equals(entity) ? entityReference : declaring.getQualifiedName().toString();
            return "{@link " + owner + "#" + field.getSimpleName() + "}";
        }

        /** The value type of a {@code Deferred<T>} field, or null for any other type. */
        private @Nullable TypeMirror deferredValueType(TypeMirror type) {
            if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1
                    && isQualified(types.erasure(type), "io.mapper.orm.Deferred")) {
                return declared.getTypeArguments().get(0);
            }
            return null;
        }

        private boolean isIntegral(TypeMirror type) {
            TypeMirror boxed = type.getKind().isPrimitive()
                    ? types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType() : type;
            return isQualified(boxed, "java.lang.Long") || isQualified(boxed, "java.lang.Integer")
                    || isQualified(boxed, "java.lang.Short");
        }

        private boolean isQualified(TypeMirror type, String qualifiedName) {
            return type.getKind() == TypeKind.DECLARED
                    && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
        }

        /** {@code MappingException}'s wording for a class-level problem. */
        private String classMessage(String problem, String fix) {
            return "Cannot map " + names.binaryName(entity) + ": " + problem + " " + fix;
        }

        /** {@code MappingException}'s wording for a property's problem. */
        private String propertyMessage(String property, String problem, String fix) {
            return "Cannot map " + entity.getSimpleName() + "." + property + " (" + names.binaryName(entity) + "): "
                    + problem + " " + fix;
        }

        /** Reports on the field where the entity declares it, else (an inherited field) on the entity. */
        private void error(Element element, String message) {
            failed = true;
            Element target = element.getKind() == ElementKind.FIELD && !element.getEnclosingElement().equals(entity)
                    ? entity : element;
            messager.printMessage(Kind.ERROR, message, target);
        }
    }
}
