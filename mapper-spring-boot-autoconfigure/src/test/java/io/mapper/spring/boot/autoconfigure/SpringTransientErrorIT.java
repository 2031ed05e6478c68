package io.mapper.spring.boot.autoconfigure;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.exception.TransientException;
import io.mapper.spring.boot.TransientFailures;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Feature;

/**
 * A connection that dies inside a Spring transaction: Spring's rollback on it fails too, and without mapper's
 * {@code RollbackFailureTranslator} that failure would replace the original (non-transient, the cause lost). Run on
 * the servers, where a connection can be killed from outside.
 */
class SpringTransientErrorIT extends BackendTest {

    private ApplicationContextRunner runner;

    @BeforeEach
    void createTableAndContext() {
        requires(Feature.SERVER_PROCESS);
        engine().begin(conn -> conn.execute(text("CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(50))")));
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class,
                        TransactionManagerCustomizationAutoConfiguration.class, TransactionAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, MapperAutoConfiguration.class))
                .withPropertyValues(database().springProperties());
    }

    @Test
    void aConnectionLostInsideATransactionIsReportedAsTransientNotAsTheFailedRollback() {
        runner.run(context -> {
            Engine engine = context.getBean(Engine.class);
            TransactionTemplate transactions = new TransactionTemplate(
                    context.getBean(PlatformTransactionManager.class));
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                try (Connection conn = engine.connect()) {
                    conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'lost')"));
                    kill(conn);
                    conn.execute(text("SELECT 1")).all();
                }
            })).isInstanceOfSatisfying(TransientDataAccessException.class, failure -> {
                assertThat(failure).hasMessageContaining("connection was lost").hasMessageContaining("retry");
                assertThat(failure.getCause()).isInstanceOfSatisfying(TransientException.class,
                        lost -> assertThat(lost.reason()).isEqualTo(TransientException.Reason.CONNECTION_LOST));
                assertThat(TransientFailures.isTransient(failure)).isTrue();
            });
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM note", Long.class))
                    .isZero();
        });
    }

    @Test
    void retryableWithTransientFailuresRepeatsTheWholeTransaction() {
        withRetries().run(context -> {
            Caller caller = context.getBean(Caller.class);
            caller.write();
            Work work = context.getBean(Work.class);
            assertThat(work.attempts()).isEqualTo(2);
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM note", Long.class))
                    .isEqualTo(1);
        });
    }

    @Test
    void retryableDoesNotRepeatPartOfAnOuterTransaction() {
        withRetries().run(context -> {
            Caller caller = context.getBean(Caller.class);
            TransactionTemplate outer = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            assertThatThrownBy(() -> outer.executeWithoutResult(status -> caller.write()))
                    .matches(TransientFailures::isTransient, "is transient");
            assertThat(context.getBean(Work.class).attempts()).isEqualTo(1);
        });
    }

    private void kill(Connection victim) {
        try (Killer killer = new Killer(database().newEngine().build())) {
            killer.kill(victim);
        }
    }

    private ApplicationContextRunner withRetries() {
        return runner.withUserConfiguration(RetryConfiguration.class)
                .withBean(Killer.class, () -> new Killer(database().newEngine().build()));
    }

    /** A transactional unit of work whose first attempt loses its connection, and a retrying caller. */
    @Configuration(proxyBeanMethods = false)
    @EnableResilientMethods
    static class RetryConfiguration {

        @Bean
        Work work(Engine engine, Killer killer) {
            return new Work(engine, killer);
        }

        @Bean
        Caller caller(Work work) {
            return new Caller(work);
        }
    }

    /** Ends a connection's server session from a connection of another pool, as an administrator would. */
    static final class Killer implements AutoCloseable {
        private final Engine engine;

        Killer(Engine engine) {
            this.engine = engine;
        }

        void kill(Connection victim) {
            boolean postgres = victim.dialect().name().equals("postgresql");
            long id = victim.execute(text(postgres ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()"))
                    .scalar(Long.class);
            try (Connection killer = engine.connect()) {
                if (postgres) {
                    killer.execute(text("SELECT pg_terminate_backend(:pid)").bind("pid", (int) id)).all();
                } else {
                    killer.execute(text("KILL " + id));
                }
            }
        }

        @Override
        public void close() {
            engine.dispose();
        }
    }

    static class Work {
        final AtomicInteger attempts = new AtomicInteger();
        private final Engine engine;
        private final Killer killer;

        Work(Engine engine, Killer killer) {
            this.engine = engine;
            this.killer = killer;
        }

        /** Through the proxy: the field lives on the target. */
        public int attempts() {
            return attempts.get();
        }

        @Transactional
        public void write() {
            try (Connection conn = engine.connect()) {
                conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'once')"));
                if (attempts.incrementAndGet() == 1) {
                    killer.kill(conn);
                    conn.execute(text("SELECT 1")).all();
                }
            }
        }
    }

    static class Caller {
        private final Work work;

        Caller(Work work) {
            this.work = work;
        }

        @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 10)
        public void write() {
            work.write();
        }
    }
}
