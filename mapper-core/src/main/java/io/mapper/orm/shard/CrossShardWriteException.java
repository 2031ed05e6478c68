package io.mapper.orm.shard;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;

/**
 * One unit of work wrote to several shards: refused (nothing committed), or, in best-effort mode, a shard's commit
 * failed after others had committed ({@link #committedShards()} says which).
 */
public class CrossShardWriteException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    private final List<String> shards;
    private final List<String> committedShards;

    public CrossShardWriteException(String message, List<String> shards, List<String> committedShards,
            @Nullable Throwable cause) {
        super(message, cause);
        this.shards = List.copyOf(shards);
        this.committedShards = List.copyOf(committedShards);
    }

    /** The shards the unit of work wrote to. */
    public List<String> shards() {
        return shards;
    }

    /** The shards whose transaction was committed before the failure; empty when the writes were refused. */
    public List<String> committedShards() {
        return committedShards;
    }
}
