package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.mapper.exception.InvalidRequestException;
import io.mapper.testing.BackendTest;

class ThreadConfinementIT extends BackendTest {

    @Test
    void secondThreadUsingABusyConnectionIsReported() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StatementListener blocker = new StatementListener() {
            @Override
            public void beforeExecute(ExecutionContext context) {
                if (context.sql().contains("blocking")) {
                    inside.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        engine().addListener(blocker);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Connection conn = engine().connect()) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(
                    () -> conn.execute(text("SELECT 1 AS blocking")).all());
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                conn.execute(text("SELECT 2"));
            } catch (InvalidRequestException e) {
                failure.set(e);
            } finally {
                release.countDown();
            }
            first.get(10, TimeUnit.SECONDS);
            // Handing the connection over after the other thread is done is fine.
            assertThat(conn.execute(text("SELECT 3 AS three")).scalar(Integer.class)).isEqualTo(3);
        } finally {
            engine().removeListener(blocker);
        }
        assertThat(failure.get()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not thread-safe");
    }
}
