package io.mapper.orm.shard;

/** What a sharded session does when one unit of work writes to more than one shard. */
public enum CrossShardWrites {

    /** Refuse: roll every shard back and raise {@link CrossShardWriteException} (the default). */
    REFUSE,

    /**
     * Commit shard by shard, in the factory's shard order. There is no two-phase commit: if a later shard's commit
     * fails, the earlier shards stay committed, and {@link CrossShardWriteException} names which did.
     */
    BEST_EFFORT
}
