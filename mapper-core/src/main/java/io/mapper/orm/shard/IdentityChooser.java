package io.mapper.orm.shard;

import java.util.List;

/**
 * Names the shards that may hold the object with a given primary key, for {@code get} (SQLAlchemy's
 * {@code identity_chooser}); they are searched in order until one has it. The default searches every shard.
 */
@FunctionalInterface
public interface IdentityChooser {

    /** The shards to search for the {@code entityType} object whose primary key is {@code id}. */
    List<String> shardsFor(Class<?> entityType, Object id);
}
