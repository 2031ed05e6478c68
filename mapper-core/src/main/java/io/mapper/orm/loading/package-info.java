/**
 * Turning rows into objects and loading relationships: {@link io.mapper.orm.loading.EntityLoader} runs an entity
 * statement and picks a loader strategy per relationship path (lazy, select-in, joined, raise, contains-eager, after
 * SQLAlchemy's {@code orm/strategies.py}); mapper's own collections ({@link io.mapper.orm.loading.PersistentList},
 * {@link io.mapper.orm.loading.PersistentSet}, {@link io.mapper.orm.loading.PersistentMap}) and the back-references
 * they keep ({@link io.mapper.orm.loading.BackReferences}).
 *
 * <p>Layer: the ORM; imports the Core, {@code io.mapper.orm.mapping}, {@code io.mapper.orm.state} and
 * {@code io.mapper.orm.annotation}, never the session's package {@code io.mapper.orm}: the session implements
 * {@link io.mapper.orm.loading.LoadContext}. Internal: not API.
 */
@NullMarked
package io.mapper.orm.loading;

import org.jspecify.annotations.NullMarked;
