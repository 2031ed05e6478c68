package io.mapper.orm.shard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Engine;
import io.mapper.exception.ArgumentException;
import io.mapper.orm.Attribute;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionListener;

/**
 * Makes {@link ShardedSession}s over N engines, one per shard, and the same mapped classes on each (SQLAlchemy's
 * {@code ShardedSession} configured with {@code shards}, {@code shard_chooser}, {@code identity_chooser} and
 * {@code execute_chooser}).
 *
 * <pre>{@code
 * ShardedSessionFactory shards = ShardedSessionFactory.builder()
 *         .shard("europe", europeEngine).shard("asia", asiaEngine)
 *         .entities(WeatherLocation.class, Report.class)
 *         .shardKey(WeatherLocation_.continent, continent -> continent.equals("Asia") ? "asia" : "europe")
 *         .shardChooser(entity -> ...)            // where new objects go; the shard key's function by default
 *         .build();
 * shards.createAll();                             // DDL on every shard
 * }</pre>
 *
 * <p>Thread-safe; build one per application.
 */
public final class ShardedSessionFactory {

    private final Map<String, SessionFactory> factories;
    private final Map<String, WriteTracker> trackers;
    private final Map<Class<?>, ShardKey> shardKeys;
    private final @Nullable ShardChooser shardChooser;
    private final IdentityChooser identityChooser;
    private final CrossShardWrites crossShardWrites;

    private ShardedSessionFactory(Builder builder) {
        Map<String, SessionFactory> built = new LinkedHashMap<>();
        Map<String, WriteTracker> tracking = new HashMap<>();
        builder.engines.forEach((shard, engine) -> {
            WriteTracker tracker = new WriteTracker();
            SessionFactory.Builder factory = SessionFactory.builder(engine).listener(tracker)
                    .entities(builder.classes.toArray(Class<?>[]::new));
            if (!builder.packages.isEmpty()) {
                factory.scan(builder.packages.toArray(String[]::new));
            }
            built.put(shard, factory.build());
            tracking.put(shard, tracker);
        });
        this.factories = java.util.Collections.unmodifiableMap(built);
        this.trackers = Map.copyOf(tracking);
        this.shardKeys = Map.copyOf(builder.shardKeys);
        this.shardChooser = builder.shardChooser;
        List<String> all = List.copyOf(built.keySet());
        this.identityChooser = builder.identityChooser != null ? builder.identityChooser : (type, id) -> all;
        this.crossShardWrites = builder.crossShardWrites;
    }

    /** A builder; add at least one shard and the mapped classes. */
    public static Builder builder() {
        return new Builder();
    }

    /** A new sharded session; close it when the unit of work is done. */
    public ShardedSession open() {
        return new ShardedSession(this);
    }

    /** The shard ids, in the order they were added (the order fan-out queries and commits visit them). */
    public List<String> shardIds() {
        return List.copyOf(factories.keySet());
    }

    /** The engine of one shard. */
    public Engine engine(String shard) {
        return factory(shard).engine();
    }

    /** The session factory of one shard, for work that targets one shard directly. */
    public SessionFactory factory(String shard) {
        SessionFactory factory = factories.get(shard);
        if (factory == null) {
            throw new ArgumentException("There is no shard '" + shard + "'; the shards are " + factories.keySet()
                    + ".");
        }
        return factory;
    }

    /** Creates the mapped tables on every shard (only the missing ones), shard by shard. */
    public void createAll() {
        forEachShard((shard, engine) -> factory(shard).metadata().createAll(engine));
    }

    /** Drops the mapped tables on every shard. */
    public void dropAll() {
        forEachShard((shard, engine) -> factory(shard).metadata().dropAll(engine));
    }

    /**
     * Runs schema work on every shard in order, for migrations: {@code forEachShard((id, engine) ->
     * migrations.upgrade(engine))}. A failure stops at that shard and names it; the shards before it keep the change
     * (DDL does not commit across databases either).
     */
    public void forEachShard(BiConsumer<String, Engine> work) {
        Objects.requireNonNull(work, "work must not be null");
        for (Map.Entry<String, SessionFactory> shard : factories.entrySet()) {
            try {
                work.accept(shard.getKey(), shard.getValue().engine());
            } catch (RuntimeException e) {
                e.addSuppressed(new IllegalStateException("while running on shard '" + shard.getKey() + "'"));
                throw e;
            }
        }
    }

    Map<String, SessionFactory> factories() {
        return factories;
    }

    @Nullable ShardKey shardKey(Class<?> entityType) {
        return shardKeys.get(entityType);
    }

    /** The shard a new object goes to: the chooser's answer, else its shard key's. */
    String shardFor(Object entity) {
        String shard;
        if (shardChooser != null) {
            shard = shardChooser.shardFor(entity);
        } else {
            ShardKey key = shardKeys.get(entity.getClass());
            if (key == null) {
                throw new ArgumentException("Cannot tell which shard a new " + entity.getClass().getSimpleName()
                        + " belongs on: give the factory a shardChooser(...) or a shardKey(...) for "
                        + entity.getClass().getSimpleName() + ", or add it with session.add(entity, shardId).");
            }
            SessionFactory any = factories.values().iterator().next();
            shard = key.shardOfValue().apply(any.valueOf(entity, key.attribute().property()));
        }
        factory(shard);
        return shard;
    }

    List<String> shardsForIdentity(Class<?> entityType, Object id) {
        return identityChooser.shardsFor(entityType, id);
    }

    CrossShardWrites crossShardWrites() {
        return crossShardWrites;
    }

    /** Whether the session flushed writes on this shard since it was last asked, forgetting the answer. */
    boolean wroteAndReset(String shard, Session session) {
        return trackers.get(shard).sessions.remove(session);
    }

    /** Hears which of a shard's sessions flushed writes (a flush with nothing to write does not call it). */
    private static final class WriteTracker implements SessionListener {

        private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

        @Override
        public void beforeFlush(Session session) {
            sessions.add(session);
        }
    }

    /** Configures a {@link ShardedSessionFactory}. Not thread-safe. */
    public static final class Builder {

        private final Map<String, Engine> engines = new LinkedHashMap<>();
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<String> packages = new ArrayList<>();
        private final Map<Class<?>, ShardKey> shardKeys = new HashMap<>();
        private @Nullable ShardChooser shardChooser;
        private @Nullable IdentityChooser identityChooser;
        private CrossShardWrites crossShardWrites = CrossShardWrites.REFUSE;

        private Builder() {
        }

        /** Adds a shard: its id and the engine of its database. */
        public Builder shard(String id, Engine engine) {
            Objects.requireNonNull(id, "id must not be null");
            Objects.requireNonNull(engine, "engine must not be null");
            if (engines.putIfAbsent(id, engine) != null) {
                throw new ArgumentException("Two shards are named '" + id + "'; give each an id of its own.");
            }
            return this;
        }

        /** Maps these {@code @Entity} classes on every shard. */
        public Builder entities(Class<?>... entityClasses) {
            classes.addAll(Arrays.asList(entityClasses));
            return this;
        }

        /** Maps every {@code @Entity} class in these packages on every shard. */
        public Builder scan(String... packageNames) {
            packages.addAll(Arrays.asList(packageNames));
            return this;
        }

        /**
         * Declares an entity's shard key: {@code shardOfValue} maps the attribute's value to a shard id. New objects
         * go to their key's shard (unless a {@link #shardChooser} decides), and queries whose WHERE clause says
         * {@code key = value} or {@code key IN (...)} run only on those shards.
         */
        @SuppressWarnings("unchecked")
        public <T> Builder shardKey(Attribute<?, T> attribute, Function<? super T, String> shardOfValue) {
            Objects.requireNonNull(attribute, "attribute must not be null");
            Objects.requireNonNull(shardOfValue, "shardOfValue must not be null");
            shardKeys.put(attribute.entityType(), new ShardKey(attribute,
                    value -> shardOfValue.apply((T) value)));
            return this;
        }

        /** Picks the shard of every new object (SQLAlchemy's {@code shard_chooser}), overriding the shard keys. */
        public Builder shardChooser(ShardChooser chooser) {
            this.shardChooser = Objects.requireNonNull(chooser, "chooser must not be null");
            return this;
        }

        /** Names the shards {@code get} searches for a primary key (every shard, in order, by default). */
        public Builder identityChooser(IdentityChooser chooser) {
            this.identityChooser = Objects.requireNonNull(chooser, "chooser must not be null");
            return this;
        }

        /** What a unit of work that writes to several shards does; {@link CrossShardWrites#REFUSE} by default. */
        public Builder crossShardWrites(CrossShardWrites mode) {
            this.crossShardWrites = Objects.requireNonNull(mode, "mode must not be null");
            return this;
        }

        /** Maps the classes on every shard and builds the factory. */
        public ShardedSessionFactory build() {
            if (engines.isEmpty()) {
                throw new ArgumentException("A ShardedSessionFactory needs at least one shard: call shard(id, engine).");
            }
            return new ShardedSessionFactory(this);
        }
    }
}
