package io.mapper.engine;

/**
 * How well an engine's compiled-statement cache works: lookups that found a compiled statement (hits), lookups that
 * compiled one (misses), and its current and maximum size. A snapshot; see {@link Engine#compiledCacheStats()}.
 *
 * @param hits lookups that reused a compiled statement
 * @param misses lookups that compiled the statement
 * @param size compiled statements held now
 * @param maximumSize the most it holds (the builder's {@code compiledCacheSize})
 */
public record CompiledCacheStats(long hits, long misses, int size, int maximumSize) {
}
