package io.mapper.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.mapper.compiler.CompiledStatement;

/**
 * An engine's compiled-statement cache: bounded, least-recently-used, thread-safe, keyed by a statement's
 * structure ({@code Executable.cacheKey()}) and counting hits and misses for metrics. A statement is compiled
 * outside the lock, so two threads missing the same key at once may both compile it; both results are equal.
 */
final class CompiledCache {

    private final int maximumSize;
    private final Map<Object, CompiledStatement> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    CompiledCache(int maximumSize) {
        this.maximumSize = maximumSize;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, CompiledStatement> eldest) {
                return size() > CompiledCache.this.maximumSize;
            }
        };
    }

    /** The compiled statement for {@code key}, compiling and caching it on a miss. */
    CompiledStatement get(Object key, Supplier<CompiledStatement> compile) {
        synchronized (entries) {
            CompiledStatement cached = entries.get(key);
            if (cached != null) {
                hits.incrementAndGet();
                return cached;
            }
        }
        misses.incrementAndGet();
        CompiledStatement compiled = compile.get();
        if (maximumSize > 0) {
            synchronized (entries) {
                entries.put(key, compiled);
            }
        }
        return compiled;
    }

    CompiledCacheStats stats() {
        synchronized (entries) {
            return new CompiledCacheStats(hits.get(), misses.get(), entries.size(), maximumSize);
        }
    }
}
