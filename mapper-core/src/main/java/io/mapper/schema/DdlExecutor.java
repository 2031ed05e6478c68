package io.mapper.schema;

import java.util.function.Consumer;

/**
 * Something that can run DDL for {@link MetaData#createAll(DdlExecutor)}: the engine (one transaction, committed)
 * or a connection (inside the caller's transaction). The schema layer knows nothing else about the engine.
 */
public interface DdlExecutor {

    /** Runs {@code work} on one connection; an engine commits when it returns and rolls back when it throws. */
    void runDdl(Consumer<DdlSession> work);
}
