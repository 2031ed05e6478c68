package io.mapper.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's own settings under {@code demo.*}.
 *
 * @param sampleData whether to fill an empty database with the sample store at start-up
 * @param orders how orders are placed
 */
@ConfigurationProperties("demo")
public record DemoProperties(@DefaultValue("true") boolean sampleData, @DefaultValue Orders orders) {

    /**
     * How orders are placed.
     *
     * @param serializeWrites whether order placements queue for one JVM-wide lock (for SQLite's single writer)
     * @param maxAttempts how many times an order that lost a race is attempted before it is answered with 409
     */
    public record Orders(@DefaultValue("false") boolean serializeWrites, @DefaultValue("20") int maxAttempts) {
    }
}
