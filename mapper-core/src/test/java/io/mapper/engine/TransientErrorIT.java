package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.IntegrityException;
import io.mapper.exception.MapperException;
import io.mapper.exception.TransientException;
import io.mapper.exception.TransientException.Reason;
import io.mapper.sql.TextClause;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Feature;

/**
 * Errors that mean "try again" are {@link TransientException}s with the same {@link Reason} on every backend, provoked
 * for real: a deadlock and a killed connection on the servers, a serialization failure on PostgreSQL, a lock timeout
 * on all four. Non-transient errors stay non-transient.
 */
class TransientErrorIT extends BackendTest {

    private static final TextClause ADD = text("UPDATE account SET balance = balance + 1 WHERE email = :email");

    @BeforeEach
    void twoAccounts() {
        Schemas.createAccount(engine(), backend);
        engine().begin(conn -> {
            conn.execute(text("INSERT INTO account (email, name, balance) VALUES ('a', 'A', 0)"));
            conn.execute(text("INSERT INTO account (email, name, balance) VALUES ('b', 'B', 0)"));
        });
    }

    @Test
    void deadlockVictimGetsTransientDeadlock() throws Exception {
        requires(Feature.SERVER_PROCESS);
        CountDownLatch bothLocked = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<@Nullable Throwable> first = threads.submit(() -> lockInOrder("a", "b", bothLocked));
            Future<@Nullable Throwable> second = threads.submit(() -> lockInOrder("b", "a", bothLocked));
            List<Throwable> failures = new ArrayList<>();
            for (Future<@Nullable Throwable> side : List.of(first, second)) {
                Throwable failure = side.get(30, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            assertThat(failures).singleElement().isInstanceOfSatisfying(TransientException.class, deadlock -> {
                assertThat(deadlock.reason()).isEqualTo(Reason.DEADLOCK);
                assertThat(deadlock.isTransient()).isTrue();
                assertThat(deadlock).hasMessageContaining("retry the whole transaction");
            });
        } finally {
            threads.shutdownNow();
        }
        // The survivor committed both increments; the victim's were rolled back.
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT SUM(balance) FROM account")).scalar(Integer.class)).isEqualTo(2);
        }
    }

    private @Nullable Throwable lockInOrder(String first, String second, CountDownLatch bothLocked) {
        try (Connection conn = engine().connect()) {
            conn.execute(ADD.bind("email", first));
            bothLocked.countDown();
            bothLocked.await(10, TimeUnit.SECONDS);
            conn.execute(ADD.bind("email", second));
            conn.commit();
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    @Test
    void concurrentUpdateUnderRepeatableReadIsTransientSerializationFailure() {
        assumeBackend("postgresql");
        try (Connection reader = engine().connect(); Connection writer = engine().connect()) {
            reader.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
            reader.execute(text("SELECT balance FROM account WHERE email = 'a'")).all();
            writer.execute(ADD.bind("email", "a"));
            writer.commit();
            assertThatThrownBy(() -> reader.execute(ADD.bind("email", "a")))
                    .isInstanceOfSatisfying(TransientException.class,
                            failure -> assertThat(failure.reason()).isEqualTo(Reason.SERIALIZATION_FAILURE))
                    .hasMessageContaining("SQLState 40001");
        }
    }

    @Test
    void lockWaitBeyondTheTimeoutIsTransientLockTimeout() {
        try (Connection holder = engine().connect(); Connection waiter = engine().connect()) {
            holder.execute(ADD.bind("email", "a"));
            waiter.execute(text(switch (backend.name()) {
                case "postgresql" -> "SET lock_timeout = '200ms'";
                case "mariadb" -> "SET SESSION innodb_lock_wait_timeout = 1";
                case "h2" -> "SET LOCK_TIMEOUT 200";
                default -> "PRAGMA busy_timeout = 200";
            }));
            assertThatThrownBy(() -> waiter.execute(ADD.bind("email", "a")))
                    .isInstanceOfSatisfying(TransientException.class,
                            failure -> assertThat(failure.reason()).isEqualTo(Reason.LOCK_TIMEOUT));
            holder.rollback();
        }
    }

    @Test
    void killedConnectionIsTransientConnectionLost() {
        requires(Feature.SERVER_PROCESS);
        try (Connection victim = engine().connect()) {
            kill(victim);
            assertThatThrownBy(() -> victim.execute(text("SELECT 1")).all())
                    .isInstanceOfSatisfying(TransientException.class, failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.CONNECTION_LOST);
                        assertThat(MapperException.isTransient(new RuntimeException("wrapped", failure))).isTrue();
                    });
            assertThat(victim.isInvalidated()).isTrue();
        }
    }

    @Test
    void constraintViolationIsNotTransient() {
        try (Connection conn = engine().connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO account (email) VALUES ('a')")))
                    .isInstanceOf(IntegrityException.class)
                    .satisfies(failure -> assertThat(((MapperException) failure).isTransient()).isFalse());
        }
    }

    /** Ends {@code victim}'s server session from another connection, as an administrator or a failover would. */
    static void kill(Connection victim) {
        boolean postgres = victim.dialect().name().equals("postgresql");
        long id = victim.execute(text(postgres ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"))
                .scalar(Long.class);
        victim.commit();
        try (Connection killer = victim.engine().connect()) {
            if (postgres) {
                killer.execute(text("SELECT pg_terminate_backend(:pid)").bind("pid", (int) id)).all();
            } else {
                killer.execute(text("KILL " + id));
            }
        }
    }

    private void assumeBackend(String name) {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend.is(name), () -> "only on " + name);
    }
}
