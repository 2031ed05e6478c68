package io.mapper.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.mapper.engine.Engine;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.MapperException;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.schema.MetaData;

/**
 * Makes {@link Session}s over one engine and one set of mapped classes (SQLAlchemy's {@code sessionmaker}).
 * Build one per application and share it: thread-safe.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.builder(engine).scan("com.example.domain").build();
 * try (Session session = sessions.open()) { ... }
 * }</pre>
 */
public final class SessionFactory {

    private final Engine engine;
    private final MapperRegistry registry;
    private final List<SessionListener> listeners;
    private final List<LoaderCriteria> filters;
    private final boolean autoflush;
    private final int batchSize;
    private final int lazyLoadWarningThreshold;
    private final boolean raiseOnLazyLoad;
    /** Stateless between flushes, so one serves every session: its flush plan's order and processors are built once. */
    private final io.mapper.orm.unitofwork.UnitOfWork unitOfWork;
    private final KeyLookups keyLookups = new KeyLookups();
    private final io.mapper.orm.loading.SelectInStatements selectInStatements =
            new io.mapper.orm.loading.SelectInStatements();
    private final io.mapper.orm.convention.NamingStrategy naming;

    private SessionFactory(Builder builder, MapperRegistry registry) {
        this.lazyLoadWarningThreshold = builder.lazyLoadWarningThreshold;
        this.raiseOnLazyLoad = builder.raiseOnLazyLoad;
        this.engine = builder.engine;
        this.registry = registry;
        this.listeners = List.copyOf(builder.listeners);
        this.filters = List.copyOf(builder.filters.values());
        this.autoflush = builder.autoflush;
        this.batchSize = builder.batchSize;
        this.naming = builder.naming;
        List<io.mapper.orm.unitofwork.FlushValidator> validators = new ArrayList<>();
        if (builder.beanValidation) {
            io.mapper.orm.unitofwork.FlushValidator beanValidation = BeanValidation.create(builder.classLoader);
            if (beanValidation != null) {
                validators.add(beanValidation);
            }
        }
        this.unitOfWork = new io.mapper.orm.unitofwork.UnitOfWork(registry, listeners, validators, batchSize,
                builder.clock);
        // Once per factory, never per statement: a metamodel generated for another naming strategy is a WARN here.
        MetamodelCheck.run(registry, builder.naming);
    }

    /** A factory like {@code base} (same mappings, listeners, filters and settings) whose sessions use {@code engine}. */
    private SessionFactory(SessionFactory base, Engine engine) {
        this.lazyLoadWarningThreshold = base.lazyLoadWarningThreshold;
        this.raiseOnLazyLoad = base.raiseOnLazyLoad;
        this.engine = engine;
        this.registry = base.registry;
        this.listeners = base.listeners;
        this.filters = base.filters;
        this.autoflush = base.autoflush;
        this.batchSize = base.batchSize;
        this.naming = base.naming;
        this.unitOfWork = base.unitOfWork;
    }

    /**
     * A factory with this one's mappings and settings whose sessions run on {@code engine}: typically this factory's
     * engine with a schema translation, for a schema per tenant (SQLAlchemy's {@code schema_translate_map} with a
     * {@code Session}):
     *
     * <pre>{@code
     * SessionFactory tenant42 = sessions.withEngine(sessions.engine().withSchemaTranslation(Map.of("tenant", "tenant_42")));
     * }</pre>
     *
     * Nothing is mapped again; the two factories share their mappers and flush plan.
     */
    public SessionFactory withEngine(Engine engine) {
        return new SessionFactory(this, Objects.requireNonNull(engine, "engine must not be null"));
    }

    KeyLookups keyLookups() {
        return keyLookups;
    }

    /** The select-in loader's statements, built once per relationship and loaded columns. */
    io.mapper.orm.loading.SelectInStatements selectInStatements() {
        return selectInStatements;
    }

    io.mapper.orm.unitofwork.UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** The mapper of an object of a mapped class; an object of another class raises, naming the fix. */
    @SuppressWarnings("unchecked")
    Mapper<Object> mapperOf(Object entity) {
        Class<?> type = entity.getClass();
        if (registry.find(type).isEmpty()) {
            throw new ArgumentException(type.getName() + " is not a mapped entity of this session factory. "
                    + "Annotate it with @Entity and add it with SessionFactory.builder(engine).scan(\""
                    + type.getPackageName() + "\") or .entities(" + type.getSimpleName() + ".class).");
        }
        return (Mapper<Object>) registry.mapper(type);
    }

    /**
     * The current value of a mapped property of {@code entity}, read through the mapping's accessor (no SQL): what a
     * layer above the session (the sharding extension) reads to route and order objects. An unknown property raises,
     * naming the mapped ones.
     */
    public @org.jspecify.annotations.Nullable Object valueOf(Object entity, String property) {
        Mapper<Object> mapper = mapperOf(Objects.requireNonNull(entity, "entity must not be null"));
        return mapper.value(entity, mapper.property(property));
    }

    /**
     * The primary-key value of {@code entity} (a list of values for a composite key), or null while it has none yet:
     * the id part of its identity key.
     */
    public @org.jspecify.annotations.Nullable Object identityOf(Object entity) {
        io.mapper.orm.state.IdentityKey key = mapperOf(Objects.requireNonNull(entity, "entity must not be null"))
                .identityKey(entity);
        return key == null ? null : key.id();
    }

    /** An object as messages name it: its class and identity hash. */
    static String describe(Object entity) {
        return entity.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(entity));
    }

    /** A builder for a factory over {@code engine}. */
    public static Builder builder(Engine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine must not be null"));
    }

    /** A new session; close it when the unit of work is done (try-with-resources). */
    public Session open() {
        return new DefaultSession(this, false);
    }

    /**
     * A new read-only session: its reads run on a read-only connection, so on a replica when the engine has
     * {@link io.mapper.engine.Engine.Builder#replicas replicas} (see {@link io.mapper.engine.Engine#connectReadOnly()}),
     * and a flush that finds changes to write raises instead of sending them. Inside a Spring transaction it joins
     * that transaction's connection, wherever that goes.
     */
    public Session openReadOnly() {
        return new DefaultSession(this, true);
    }

    /**
     * Runs units of work in their own session and transaction, repeating a unit from its start when it fails with a
     * transient error (lost connection, deadlock, serialization failure, lock or pool timeout), at most
     * {@code maxAttempts} times in all:
     * {@code sessions.retrying(5).inTransaction(session -> ...)}. See {@link RetryingSessions}.
     */
    public RetryingSessions retrying(int maxAttempts) {
        return new RetryingSessions(this, maxAttempts, java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(1),
                failure -> MapperException.isTransient(failure));
    }

    /** The engine sessions use. */
    public Engine engine() {
        return engine;
    }

    /** The mapped classes. */
    public MapperRegistry registry() {
        return registry;
    }

    /**
     * What this factory maps, read-only: each entity's table, properties and relationships. Built on each call from
     * the mapping, which does not change once the factory is built; keep the result if you read it often.
     */
    public OrmModel model() {
        return OrmModel.of(registry);
    }

    /**
     * A typed handle on a mapped property, built from this factory's mapping: its column's name and SQL type as
     * mapped here (a converter registered on this factory included), so values compared with it are bound through
     * that type. The generated metamodel ({@code User_.price}) is the same handle for properties whose type the
     * annotations fix; use this one for properties whose converter only the factory knows.
     */
    @SuppressWarnings("unchecked")
    public <E, T> Attribute<E, T> attribute(Class<E> entityType, String property, Class<T> javaType) {
        Mapper<E> mapper = registry.mapper(entityType);
        io.mapper.orm.mapping.PropertyMapping mapped = mapper.property(property);
        io.mapper.types.SqlType<?> type = mapped.column().type();
        if (io.mapper.types.Conversions.boxed(javaType) != io.mapper.types.Conversions.boxed(type.javaType())) {
            throw new ArgumentException(mapper.entityName() + "." + property + " holds " + type.javaType().getName()
                    + " values (" + type.name() + "), not " + javaType.getName() + "; ask for "
                    + type.javaType().getSimpleName() + ".class.");
        }
        return Attribute.of(entityType, property, io.mapper.sql.TableClause.of(mapper.table().name()),
                mapped.column().name(), (io.mapper.types.SqlType<T>) type);
    }

    /**
     * A relationship handle with this factory's naming strategy ({@code join}, {@code any}, {@code has},
     * {@code key()} name the tables and columns as mapped here): for a factory whose strategy is not the one the
     * metamodel was generated with, as {@link #attribute} is for properties.
     */
    public <E, T> Relation<E, T> relation(Class<E> entityType, String name, Class<T> targetType) {
        registry.mapper(entityType).relationship(name);
        return Relation.of(entityType, name, targetType, naming);
    }

    /** The metadata with the mapped tables: {@code factory.metadata().createAll(engine)}. */
    public MetaData metadata() {
        return registry.metadata();
    }

    /** The global filters, in registration order. */
    List<LoaderCriteria> filters() {
        return filters;
    }

    List<SessionListener> listeners() {
        return listeners;
    }

    boolean autoflush() {
        return autoflush;
    }

    int batchSize() {
        return batchSize;
    }

    /** How many lazy loads of one relationship a session may do before mapper warns of N+1 queries. */
    public int lazyLoadWarningThreshold() {
        return lazyLoadWarningThreshold;
    }

    /** Whether lazy loads raise instead of running (for tests that must prove there is no N+1). */
    public boolean raiseOnLazyLoad() {
        return raiseOnLazyLoad;
    }

    /** Configures a {@link SessionFactory}. Not thread-safe. */
    public static final class Builder {

        private final Engine engine;
        private final List<String> packages = new ArrayList<>();
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<SessionListener> listeners = new ArrayList<>();
        private final java.util.Map<String, LoaderCriteria> filters = new java.util.LinkedHashMap<>();
        private MetaData metadata = new MetaData();
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : SessionFactory.class.getClassLoader();
        private boolean autoflush = true;
        private int batchSize = 1000;
        private int lazyLoadWarningThreshold = 20;
        private boolean raiseOnLazyLoad;
        private boolean beanValidation = true;
        private final List<io.mapper.orm.mapping.MappingOptions.RegisteredConverter> converters = new ArrayList<>();
        private io.mapper.types.@org.jspecify.annotations.Nullable JsonCodec jsonCodec;
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private io.mapper.orm.convention.NamingStrategy naming = io.mapper.orm.convention.NamingStrategy.SNAKE_CASE;

        private Builder(Engine engine) {
            this.engine = engine;
        }

        /** Maps every {@code @Entity} class in these packages and their sub-packages. */
        public Builder scan(String... packageNames) {
            packages.addAll(Arrays.asList(packageNames));
            return this;
        }

        /** Maps these {@code @Entity} classes. */
        public Builder entities(Class<?>... entityClasses) {
            classes.addAll(Arrays.asList(entityClasses));
            return this;
        }

        /** The class loader scanning uses; the thread's context class loader by default. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "classLoader");
            return this;
        }

        /** The metadata the entity tables are added to (for example one that also holds Core tables). */
        public Builder metadata(MetaData target) {
            this.metadata = Objects.requireNonNull(target, "metadata");
            return this;
        }

        /** Adds a listener for flushes and writes of every session. */
        public Builder listener(SessionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a global filter (SQLAlchemy's {@code with_loader_criteria}): {@code condition} joins the WHERE clause of
         * every statement that loads {@code entityType}'s objects (or those of its subclasses and implementations),
         * in every session, unless switched off by name per session ({@link Session#disableFilter}) or per query
         * ({@link EntitySelect#withoutFilters}).
         *
         * <pre>{@code
         * SessionFactory.builder(engine).filter("live", Document.class, Document_.deleted.isFalse())
         * }</pre>
         */
        public Builder filter(String name, Class<?> entityType, io.mapper.sql.Condition condition) {
            LoaderCriteria criteria = new LoaderCriteria(name, entityType, condition);
            if (filters.putIfAbsent(name, criteria) != null) {
                throw new ArgumentException("A filter named '" + name + "' is already registered; give each a name "
                        + "of its own.");
            }
            return this;
        }

        /**
         * Adds a global filter for every mapped entity assignable to {@code baseType} (a base class or an interface
         * such as {@code SoftDeletable}), its condition built per entity over the entity's table, or over an alias of
         * it that a query joins (SQLAlchemy's {@code with_loader_criteria(Mixin, lambda cls: ...,
         * include_aliases=True)}); switched like the other filters.
         *
         * <pre>{@code
         * // SELECT book.id, ... FROM book WHERE book.deleted = ?   (and the same for every SoftDeletable entity)
         * SessionFactory.builder(engine).filterEach("live", SoftDeletable.class,
         *         table -> table.column("deleted", Boolean.class).eq(false))
         * }</pre>
         */
        public Builder filterEach(String name, Class<?> baseType,
                java.util.function.Function<io.mapper.sql.TableClause, io.mapper.sql.Condition> perTable) {
            LoaderCriteria criteria = new LoaderCriteria(name, baseType, null,
                    Objects.requireNonNull(perTable, "perTable"));
            if (filters.putIfAbsent(name, criteria) != null) {
                throw new ArgumentException("A filter named '" + name + "' is already registered; give each a name "
                        + "of its own.");
            }
            return this;
        }

        /** Whether sessions flush before every query (the default), so queries see pending changes. */
        public Builder autoflush(boolean enabled) {
            this.autoflush = enabled;
            return this;
        }

        /** How many rows one flush statement or batch writes at most; 1000 by default. */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new ArgumentException("batchSize must be at least 1, not " + size);
            }
            this.batchSize = size;
            return this;
        }

        /** Warns (on the {@code io.mapper.orm.lazy} logger) when a session lazy-loads one relationship more often. */
        public Builder lazyLoadWarningThreshold(int threshold) {
            if (threshold < 0) {
                throw new ArgumentException("lazyLoadWarningThreshold must not be negative, not " + threshold);
            }
            this.lazyLoadWarningThreshold = threshold;
            return this;
        }

        /** Makes every lazy load raise, naming the relationship and the fix (an N+1 guard for tests). */
        public Builder raiseOnLazyLoad(boolean raise) {
            this.raiseOnLazyLoad = raise;
            return this;
        }

        /**
         * Whether each flush runs Bean Validation ({@code jakarta.validation}) on the objects it inserts and updates,
         * when an API and a provider are on the class path (the default); {@code false} switches it off.
         */
        public Builder beanValidation(boolean enabled) {
            this.beanValidation = enabled;
            return this;
        }

        /**
         * Registers a converter for every mapped property of its Java type, read from its class's declaration
         * ({@code class MoneyConverter implements TypeConverter<Money, BigDecimal>}: {@code Money} properties are
         * stored as NUMERIC); it is also the instance {@code @Convert(MoneyConverter.class)} uses. A later
         * registration for the same Java type wins.
         */
        public Builder converter(io.mapper.types.TypeConverter<?, ?> converter) {
            converters.add(io.mapper.orm.mapping.MappingOptions.register(
                    Objects.requireNonNull(converter, "converter must not be null")));
            return this;
        }

        /**
         * Registers a converter for every mapped property of {@code javaType}, stored as {@code storage}:
         * {@code converter(Money.class, Types.numeric(12, 2), TypeConverter.of(Money::new, Money::amount))}.
         */
        public <T, S> Builder converter(Class<T> javaType, io.mapper.types.SqlType<S> storage,
                io.mapper.types.TypeConverter<T, S> converter) {
            converters.add(new io.mapper.orm.mapping.MappingOptions.RegisteredConverter(
                    Objects.requireNonNull(javaType, "javaType must not be null"),
                    Objects.requireNonNull(storage, "storage must not be null"), converter));
            return this;
        }

        /**
         * How tables and columns the annotations leave unnamed are named: {@code NamingStrategy.SNAKE_CASE} (the
         * default), {@code PASCAL_CASE}, {@code AS_IS} or the application's own, so one set of entity classes maps onto
         * {@code order_line.unit_price} in one database and {@code OrderLine.UnitPrice} in another.
         */
        public Builder namingStrategy(io.mapper.orm.convention.NamingStrategy strategy) {
            this.naming = Objects.requireNonNull(strategy, "namingStrategy must not be null");
            return this;
        }

        /** The JSON library of {@code @Json} properties; by default the one {@code JsonCodec.discover()} finds. */
        public Builder jsonCodec(io.mapper.types.JsonCodec codec) {
            this.jsonCodec = Objects.requireNonNull(codec, "codec must not be null");
            return this;
        }

        /** The clock of {@code @CreationTimestamp} and {@code @UpdateTimestamp} properties; UTC system time by default. */
        public Builder clock(java.time.Clock time) {
            this.clock = Objects.requireNonNull(time, "clock must not be null");
            return this;
        }

        /** Maps the classes and builds the factory; mapping errors are raised here, naming class and property. */
        public SessionFactory build() {
            List<Class<?>> all = new ArrayList<>(classes);
            MapperRegistry scanned = null;
            if (!packages.isEmpty()) {
                List<Class<?>> found = new ArrayList<>();
                for (String name : packages) {
                    found.addAll(io.mapper.orm.mapping.MapperRegistry.scanClasses(classLoader, name));
                }
                all.addAll(found);
            }
            if (all.isEmpty()) {
                throw new ArgumentException("The session factory maps no entities: call scan(\"your.domain.package\")"
                        + " or entities(YourEntity.class) on the builder.");
            }
            scanned = MapperRegistry.of(metadata, all,
                    new io.mapper.orm.mapping.MappingOptions(converters, jsonCodec, naming));
            return new SessionFactory(this, scanned);
        }
    }
}
