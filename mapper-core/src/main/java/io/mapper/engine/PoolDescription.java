package io.mapper.engine;

import java.time.Duration;

/**
 * The facts about a connection pool that an error message needs.
 *
 * @param name the pool's name
 * @param maximumSize how many connections it holds at most
 * @param connectionTimeout how long a caller waits for a free connection
 */
public record PoolDescription(String name, int maximumSize, Duration connectionTimeout) {
}
