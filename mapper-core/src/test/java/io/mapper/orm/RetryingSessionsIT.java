package io.mapper.orm;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.IntegrityException;
import io.mapper.exception.TransientException;
import io.mapper.orm.model.Ticket;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Feature;

/**
 * {@code sessions.retrying(n)} repeats a whole unit of work, in a new session and transaction, after a transient
 * failure provoked for real, and only then: a constraint violation fails at once, and the last attempt's failure is
 * the one reported.
 */
class RetryingSessionsIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void counterTable() {
        sessions = SessionFactory.builder(engine()).entities(Ticket.class).build();
        engine().begin(conn -> {
            conn.execute(text("CREATE TABLE counter (name VARCHAR(20) PRIMARY KEY, n INTEGER NOT NULL)"));
            conn.execute(text("INSERT INTO counter (name, n) VALUES ('hits', 0)"));
        });
    }

    @Test
    void aLockTimeoutRepeatsTheWholeUnitOfWorkOnce() {
        AtomicInteger attempts = new AtomicInteger();
        try (Connection holder = engine().connect()) {
            holder.execute(text("UPDATE counter SET n = n + 100 WHERE name = 'hits'"));
            int seen = sessions.retrying(3).inTransaction(session -> {
                if (attempts.incrementAndGet() == 1) {
                    session.execute(text(shortLockTimeout()));
                } else {
                    holder.rollback();   // the other transaction ends between the attempts
                }
                session.execute(text("INSERT INTO counter (name, n) VALUES ('attempt', 1)"));
                session.execute(text("UPDATE counter SET n = n + 1 WHERE name = 'hits'"));
                return session.execute(text("SELECT n FROM counter WHERE name = 'hits'")).scalar(Integer.class);
            });
            assertThat(seen).isEqualTo(1);
        }
        assertThat(attempts).hasValue(2);
        // The first attempt's INSERT was rolled back with it: one row, not two (and no duplicate key).
        assertThat(count("SELECT COUNT(*) FROM counter WHERE name = 'attempt'")).isEqualTo(1);
    }

    @Test
    void aKilledConnectionIsRetriedOnANewOne() {
        requires(Feature.SERVER_PROCESS);
        AtomicInteger attempts = new AtomicInteger();
        sessions.retrying(3).inTransaction(session -> {
            session.execute(text("UPDATE counter SET n = n + 1 WHERE name = 'hits'"));
            if (attempts.incrementAndGet() == 1) {
                boolean postgres = backend.is("postgresql");
                long id = session.execute(text(postgres ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"))
                        .scalar(Long.class);
                try (Connection killer = engine().connect()) {
                    if (postgres) {
                        killer.execute(text("SELECT pg_terminate_backend(:pid)").bind("pid", (int) id)).all();
                    } else {
                        killer.execute(text("KILL " + id));
                    }
                }
                session.execute(text("SELECT 1")).all();
            }
        });
        assertThat(attempts).hasValue(2);
        assertThat(count("SELECT n FROM counter WHERE name = 'hits'")).isEqualTo(1);
    }

    @Test
    void aConstraintViolationIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> sessions.retrying(5).inTransaction(session -> {
            attempts.incrementAndGet();
            session.execute(text("INSERT INTO counter (name, n) VALUES ('hits', 1)"));
        })).isInstanceOf(IntegrityException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theLastAttemptsTransientFailureIsReported() {
        AtomicInteger attempts = new AtomicInteger();
        try (Connection holder = engine().connect()) {
            holder.execute(text("UPDATE counter SET n = n + 100 WHERE name = 'hits'"));
            assertThatThrownBy(() -> sessions.retrying(2).inTransaction(session -> {
                attempts.incrementAndGet();
                session.execute(text(shortLockTimeout()));
                session.execute(text("UPDATE counter SET n = n + 1 WHERE name = 'hits'"));
            })).isInstanceOfSatisfying(TransientException.class,
                    failure -> assertThat(failure.reason()).isEqualTo(TransientException.Reason.LOCK_TIMEOUT));
            holder.rollback();
        }
        assertThat(attempts).hasValue(2);
    }

    @Test
    void atLeastOneAttempt() {
        assertThatThrownBy(() -> sessions.retrying(0)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private String shortLockTimeout() {
        return switch (backend.name()) {
            case "postgresql" -> "SET LOCAL lock_timeout = '200ms'";
            case "mariadb" -> "SET SESSION innodb_lock_wait_timeout = 1";
            case "h2" -> "SET LOCK_TIMEOUT 200";
            default -> "PRAGMA busy_timeout = 200";
        };
    }

    private long count(String sql) {
        try (Connection conn = engine().connect()) {
            return conn.execute(text(sql)).scalar(Long.class);
        }
    }
}
