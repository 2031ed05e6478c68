package io.mapper.spring.boot.autoconfigure;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.exception.IntegrityException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.spring.boot.MapperExceptionTranslator;
import io.mapper.testing.BackendTest;

/** mapper inside Spring-managed transactions, on every backend. */
class SpringTransactionIT extends BackendTest {

    private ApplicationContextRunner runner;

    @BeforeEach
    void createTableAndContext() {
        engine().begin(conn -> conn.execute(text("CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(50))")));
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        MapperAutoConfiguration.class))
                .withPropertyValues(database().springProperties());
    }

    private static TransactionTemplate transactions(ApplicationContext context, int propagation) {
        TransactionTemplate template = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        template.setPropagationBehavior(propagation);
        return template;
    }

    private static long notes(ApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM note", Long.class);
    }

    @Test
    void mapperAndJdbcTemplateShareOneConnectionAndCommitTogether() {
        runner.run(context -> {
            Engine engine = context.getBean(Engine.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            DataSource dataSource = context.getBean(DataSource.class);
            transactions(context, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
                engine.begin(conn -> {
                    assertThat(conn.isExternallyManaged()).isTrue();
                    assertThat(conn.jdbcConnection()).isSameAs(DataSourceUtils.getConnection(dataSource));
                    conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'mapper')"));
                });
                jdbc.update("INSERT INTO note (id, body) VALUES (2, 'jdbc')");
                try (Connection conn = engine.connect()) {
                    // The same transaction sees both rows before commit.
                    assertThat(conn.execute(text("SELECT COUNT(*) FROM note")).scalar(Long.class)).isEqualTo(2);
                }
            });
            assertThat(notes(context)).isEqualTo(2);
        });
    }

    @Test
    void bothRollBackWhenTheTransactionFails() {
        runner.run(context -> {
            Engine engine = context.getBean(Engine.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThatThrownBy(() -> transactions(context, TransactionDefinition.PROPAGATION_REQUIRED)
                    .executeWithoutResult(status -> {
                        engine.begin(conn -> conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'mapper')")));
                        jdbc.update("INSERT INTO note (id, body) VALUES (2, 'jdbc')");
                        throw new IllegalStateException("business rule failed");
                    })).isInstanceOf(IllegalStateException.class);
            assertThat(notes(context)).isZero();
        });
    }

    @Test
    void committingAManagedTransactionYourselfIsRefused() {
        runner.run(context -> {
            Engine engine = context.getBean(Engine.class);
            transactions(context, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
                try (Connection conn = engine.connect()) {
                    conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'x')"));
                    assertThatThrownBy(conn::commit).isInstanceOf(InvalidRequestException.class)
                            .hasMessageContaining("@Transactional");
                }
                status.setRollbackOnly();
            });
            assertThat(notes(context)).isZero();
        });
    }

    @Test
    void nestedTransactionRolledBackKeepsTheOuterWork() {
        runner.run(context -> {
            Engine engine = context.getBean(Engine.class);
            transactions(context, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
                engine.begin(conn -> conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'outer')")));
                transactions(context, TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(inner -> {
                    engine.begin(conn -> conn.execute(text("INSERT INTO note (id, body) VALUES (2, 'inner')")));
                    inner.setRollbackOnly();
                });
                engine.begin(conn -> conn.execute(text("INSERT INTO note (id, body) VALUES (3, 'after')")));
            });
            assertThat(context.getBean(JdbcTemplate.class).queryForList("SELECT body FROM note ORDER BY id",
                    String.class)).containsExactly("outer", "after");
        });
    }

    @Test
    void outsideATransactionMapperManagesItsOwn() {
        runner.run(context -> {
            Engine engine = context.getBean(Engine.class);
            engine.begin(conn -> {
                assertThat(conn.isExternallyManaged()).isFalse();
                conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'own')"));
            });
            assertThat(notes(context)).isEqualTo(1);
        });
    }

    @Test
    void mapperErrorsTranslateLikeJdbcTemplateErrors() {
        runner.run(context -> {
            Engine engine = context.getBean(Engine.class);
            MapperExceptionTranslator translator = context.getBean(MapperExceptionTranslator.class);
            engine.begin(conn -> conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'x')")));
            IntegrityException mapperError = (IntegrityException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> engine.begin(conn -> conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'y')"))));
            DataAccessException fromJdbc = (DataAccessException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> context.getBean(JdbcTemplate.class).update("INSERT INTO note (id, body) VALUES (1, 'z')"));
            DataAccessException fromMapper = translator.translateExceptionIfPossible(mapperError);
            assertThat(fromMapper).isInstanceOf(DataIntegrityViolationException.class);
            if (!(fromJdbc instanceof org.springframework.jdbc.UncategorizedSQLException)) {
                // Where Spring can classify the error itself, both paths give the same exception type; SQLite
                // reports no SQLState, so there only mapper's dialect can say it was a constraint violation.
                assertThat(fromMapper).isExactlyInstanceOf(fromJdbc.getClass());
            }
            assertThat(fromMapper.getSuppressed()).containsExactly(mapperError);
            assertThat(translator.translateExceptionIfPossible(new IllegalStateException("not ours"))).isNull();
        });
    }
}
