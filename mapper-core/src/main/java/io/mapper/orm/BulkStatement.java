package io.mapper.orm;

import java.util.List;

import io.mapper.sql.Condition;

/**
 * An ORM bulk UPDATE or DELETE of one entity's rows ({@link EntityUpdate}, {@link EntityDelete}), run with
 * {@link Session#execute(BulkStatement)}: one statement with a WHERE, no objects loaded, the session's objects kept
 * in line as its {@link SynchronizeSession} says.
 */
public sealed interface BulkStatement permits EntityUpdate, EntityDelete {

    /** The entity whose table is written. */
    Class<?> entityType();

    /** The WHERE conditions, ANDed. */
    List<Condition> whereConditions();

    /** How the session's objects follow the change. */
    SynchronizeSession synchronizeSession();
}
