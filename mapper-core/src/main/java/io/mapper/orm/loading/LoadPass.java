package io.mapper.orm.loading;

/**
 * One query's loading: the session's loader, the query's plan, and the query's SQL, which N+1 warnings name as
 * where the parents came from.
 */
record LoadPass(EntityLoader loader, LoadPlan plan, QueryOrigin origin) {

    LoadContext context() {
        return loader.context();
    }
}
