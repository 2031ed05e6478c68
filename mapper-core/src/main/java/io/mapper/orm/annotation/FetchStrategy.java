package io.mapper.orm.annotation;

/** How a relationship is loaded; set per mapping and overridable per query. */
public enum FetchStrategy {
    /** On first access, with one SELECT (the default for to-one; served from the identity map when possible). */
    LAZY,
    /** With the parents, by one extra {@code SELECT ... WHERE key IN (...)} per level (the default for collections). */
    SELECT_IN,
    /** With the parents, by a LEFT OUTER JOIN in the same statement. */
    JOINED,
    /** Never: touching an unloaded relationship raises, naming it. For N+1 hunting. */
    RAISE,
    /** The mapping's default. */
    DEFAULT
}
