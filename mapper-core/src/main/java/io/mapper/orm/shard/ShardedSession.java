package io.mapper.orm.shard;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.EntitySelect;
import io.mapper.orm.Session;

/**
 * A unit of work over every shard of a {@link ShardedSessionFactory} (SQLAlchemy's {@code ShardedSession}): one
 * {@link Session} per shard underneath, opened on first use, so each shard has its own identity map and the identity
 * of an object includes its shard ({@link #identityOf}). New objects go to their chosen shard, {@code get} searches
 * the shards the identity chooser names, queries run on the shards their shard key names or fan out to all, and a
 * commit that would write to several shards is refused unless the factory opted into best effort.
 *
 * <p>Not thread-safe, like {@link Session}.
 */
public final class ShardedSession implements AutoCloseable {

    private final ShardedSessionFactory factory;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<Object, String> shardOfObject = new IdentityHashMap<>();
    /** The shards this transaction wrote to (a flush, or an autoflush before a query). */
    private final Set<String> writtenSinceCommit = new LinkedHashSet<>();

    ShardedSession(ShardedSessionFactory factory) {
        this.factory = factory;
    }

    /** The session of one shard (opened on first use), for work that targets that shard only. */
    public Session shard(String shard) {
        factory.factory(shard);
        return sessions.computeIfAbsent(shard, id -> factory.factory(id).open());
    }

    /** Adds a new object to the shard its chooser (or shard key) picks; its cascaded children go with it. */
    public void add(Object entity) {
        add(entity, factory.shardFor(Objects.requireNonNull(entity, "Cannot add null to a session.")));
    }

    /** Adds a new object to the named shard. */
    public void add(Object entity, String shard) {
        Objects.requireNonNull(entity, "Cannot add null to a session.");
        String known = shardOfObject.get(entity);
        if (known != null && !known.equals(shard)) {
            throw new InvalidRequestException(describe(entity) + " already belongs to shard '" + known + "'; an object "
                    + "cannot move to shard '" + shard + "'. Delete it there and add a copy instead.");
        }
        shard(shard).add(entity);
        shardOfObject.put(entity, shard);
    }

    /**
     * The object with this primary key, searching the shards the identity chooser names, in order (no SQL for a shard
     * whose identity map has it); null when none has it.
     */
    public <E> @Nullable E get(Class<E> entityType, Object id) {
        for (String shard : factory.shardsForIdentity(entityType, id)) {
            E found = get(entityType, id, shard);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The object with this primary key on the named shard, or null. */
    public <E> @Nullable E get(Class<E> entityType, Object id, String shard) {
        E found = shard(shard).get(entityType, id);
        if (found != null) {
            shardOfObject.put(found, shard);
        }
        return found;
    }

    /**
     * Runs an entity query on the shards its WHERE clause names through the entity's shard key, or on every shard,
     * and merges the results: ordered by its ORDER BY, then offset and limited, as one database would.
     */
    public <E> List<E> scalars(EntitySelect<E> query) {
        Objects.requireNonNull(query, "query must not be null");
        Set<String> named = ShardQueryRouter.shardsOf(query, factory.shardKey(query.entityType()));
        return scalars(query, named == null ? factory.shardIds() : List.copyOf(named));
    }

    /** Runs an entity query on the named shards only (SQLAlchemy's {@code set_shard}), merging as above. */
    public <E> List<E> scalars(EntitySelect<E> query, List<String> shards) {
        if (shards.size() == 1) {
            return track(shards.get(0), shard(shards.get(0)).scalars(query).all());
        }
        EntitySelect<E> perShard = ShardMerge.perShard(query);
        List<List<E>> results = new ArrayList<>();
        for (String shard : shards) {
            results.add(track(shard, shard(shard).scalars(perShard).all()));
        }
        return ShardMerge.merge(query, results, factory.factory(shards.get(0)));
    }

    /** Marks an object for deletion on its shard. */
    public void delete(Object entity) {
        shard(shardOf(entity)).delete(entity);
    }

    /** The shard an object of this session lives on. */
    public String shardOf(Object entity) {
        String shard = shardOfObject.get(Objects.requireNonNull(entity, "entity must not be null"));
        if (shard == null) {
            for (Map.Entry<String, Session> session : sessions.entrySet()) {
                if (session.getValue().contains(entity)) {
                    shardOfObject.put(entity, session.getKey());
                    return session.getKey();
                }
            }
            throw new InvalidRequestException(describe(entity) + " is not in this sharded session; add it or load it "
                    + "first.");
        }
        return shard;
    }

    /** The identity of an object: class, primary key and shard (null id while a generated key is not known yet). */
    public ShardIdentity identityOf(Object entity) {
        String shard = shardOf(entity);
        Object id = factory.factory(shard).identityOf(entity);
        if (id == null) {
            throw new InvalidRequestException(describe(entity) + " has no primary key yet; flush() first.");
        }
        return new ShardIdentity(entity.getClass(), id, shard);
    }

    /**
     * Flushes every shard's pending changes. When they touched several shards and the factory refuses cross-shard
     * writes, every shard is rolled back and {@link CrossShardWriteException} raised: nothing is committed.
     */
    public void flush() {
        flushAll();
    }

    /**
     * Flushes and commits every shard. Writes on one shard commit atomically; writes on several are refused (see
     * {@link #flush()}), or, in {@link CrossShardWrites#BEST_EFFORT}, committed shard by shard with no two-phase
     * commit: a failing commit leaves the earlier shards committed and says which.
     */
    public void commit() {
        List<String> written = flushAll();
        List<String> committed = new ArrayList<>();
        for (Map.Entry<String, Session> session : sessions.entrySet()) {
            try {
                session.getValue().commit();
                committed.add(session.getKey());
            } catch (RuntimeException e) {
                if (committed.stream().anyMatch(written::contains)) {
                    rollback();
                    throw new CrossShardWriteException("The commit on shard '" + session.getKey() + "' failed after "
                            + "shards " + committed + " had committed (best-effort cross-shard writes have no "
                            + "two-phase commit): those writes stay, the rest were rolled back. Repair or retry the "
                            + "failed shard's part.", written, committed, e);
                }
                throw e;
            }
        }
        writtenSinceCommit.clear();
    }

    /** Rolls every shard's session back. */
    public void rollback() {
        writtenSinceCommit.clear();
        RuntimeException failure = null;
        for (Map.Entry<String, Session> session : sessions.entrySet()) {
            try {
                factory.wroteAndReset(session.getKey(), session.getValue());
                session.getValue().rollback();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes every shard's session, rolling back what was not committed. */
    @Override
    public void close() {
        for (Map.Entry<String, Session> session : sessions.entrySet()) {
            factory.wroteAndReset(session.getKey(), session.getValue());
            session.getValue().close();
        }
        sessions.clear();
        shardOfObject.clear();
    }

    private List<String> flushAll() {
        for (Map.Entry<String, Session> session : sessions.entrySet()) {
            session.getValue().flush();
            // Counts the autoflushes of earlier queries too: they wrote in this transaction.
            if (factory.wroteAndReset(session.getKey(), session.getValue())) {
                writtenSinceCommit.add(session.getKey());
            }
        }
        List<String> written = List.copyOf(writtenSinceCommit);
        if (written.size() > 1 && factory.crossShardWrites() == CrossShardWrites.REFUSE) {
            rollback();
            throw new CrossShardWriteException("This unit of work wrote to shards " + written + "; writes across shards "
                    + "cannot commit atomically (mapper has no two-phase commit), so every shard was rolled back and "
                    + "nothing was written. Write each shard's objects in a unit of work of its own, or opt into "
                    + "ShardedSessionFactory.builder().crossShardWrites(CrossShardWrites.BEST_EFFORT).", written,
                    List.of(), null);
        }
        return written;
    }

    private <E> List<E> track(String shard, List<E> loaded) {
        for (E entity : loaded) {
            shardOfObject.put(entity, shard);
        }
        return loaded;
    }

    private static String describe(Object entity) {
        return entity.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(entity));
    }
}
