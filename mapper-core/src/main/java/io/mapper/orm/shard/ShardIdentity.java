package io.mapper.orm.shard;

/**
 * The identity of an object in a sharded session: its class, its primary key and its shard (SQLAlchemy's identity
 * key with its {@code identity_token}). Two rows with the same primary key on two shards are two objects.
 */
public record ShardIdentity(Class<?> entityType, Object id, String shard) {
}
