package io.mapper.orm.shard;

/** Picks the shard a new object is written to (SQLAlchemy's {@code shard_chooser}). */
@FunctionalInterface
public interface ShardChooser {

    /** The id of the shard {@code entity} belongs on; must be one of the factory's shards. */
    String shardFor(Object entity);
}
