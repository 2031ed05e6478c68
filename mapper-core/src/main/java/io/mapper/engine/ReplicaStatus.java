package io.mapper.engine;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link ReplicaSet} last learned about one replica: whether reads may go there, its measured lag (null when
 * the database cannot tell or did not answer), why it is skipped ({@code ""} when healthy), and when it was checked.
 */
public record ReplicaStatus(String name, boolean healthy, @Nullable Duration lag, String reason, Instant checkedAt) {
}
