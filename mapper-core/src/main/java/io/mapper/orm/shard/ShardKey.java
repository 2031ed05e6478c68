package io.mapper.orm.shard;

import java.util.function.Function;

import io.mapper.orm.Attribute;

/** An entity's shard key: the attribute whose value decides the shard, and the function from value to shard id. */
record ShardKey(Attribute<?, ?> attribute, Function<Object, String> shardOfValue) {
}
