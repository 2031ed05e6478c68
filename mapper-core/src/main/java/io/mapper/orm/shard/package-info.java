/**
 * Horizontal sharding (SQLAlchemy's {@code sqlalchemy.ext.horizontal_shard}): one {@code ShardedSessionFactory} over
 * N engines, a shard chooser for new objects, an id-to-shard chooser for {@code get}, queries routed by their shard
 * key or fanned out and merged, identities that include the shard, DDL on every shard, and cross-shard writes refused
 * unless a best-effort mode is chosen (there is no two-phase commit).
 *
 * <p>Layer: on top of the session API ({@code io.mapper.orm}); imports the Core and {@code io.mapper.orm} only, never
 * the ORM's inner packages (see {@code OrmLayerRulesTest}).
 */
@NullMarked
package io.mapper.orm.shard;

import org.jspecify.annotations.NullMarked;
