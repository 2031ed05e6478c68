package io.mapper.spring.boot.autoconfigure;

import static io.mapper.orm.Orm.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.EntityState;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionOperations;
import io.mapper.spring.boot.SchemaValidationException;
import io.mapper.spring.boot.TransactionAwareSession;
import io.mapper.spring.boot.domain.DomainPackage;
import io.mapper.spring.boot.domain.Label;
import io.mapper.spring.boot.domain.Note;
import io.mapper.testing.BackendTest;
import io.mapper.testing.SqlRecorder;

/** The transaction-bound Session bean inside Spring-managed transactions, and mapper.schema, on every backend. */
class SpringSessionIT extends BackendTest {

    private final SqlRecorder springStatements = new SqlRecorder();
    private ApplicationContextRunner runner;

    @BeforeEach
    void createContextRunner() {
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        MapperAutoConfiguration.class, MapperOrmAutoConfiguration.class))
                .withUserConfiguration(DomainPackage.class)
                .withBean(SqlRecorder.class, () -> springStatements)
                .withPropertyValues(database().springProperties("mapper.schema=create"));
    }

    private static TransactionTemplate transactions(ApplicationContext context, int propagation) {
        TransactionTemplate template = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        template.setPropagationBehavior(propagation);
        return template;
    }

    private static TransactionTemplate required(ApplicationContext context) {
        return transactions(context, TransactionDefinition.PROPAGATION_REQUIRED);
    }

    private static List<String> bodies(ApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList("SELECT body FROM orm_note ORDER BY body",
                String.class);
    }

    private static long seed(ApplicationContext context, String body) {
        SessionOperations session = context.getBean(SessionOperations.class);
        return required(context).execute(status -> {
            Note note = new Note(body);
            session.add(note);
            session.flush();
            return note.id;
        });
    }

    @Test
    void sessionAndJdbcTemplateShareTheTransactionAndCommitTogether() {
        runner.run(context -> {
            SessionOperations session = context.getBean(SessionOperations.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            required(context).executeWithoutResult(status -> {
                session.add(new Note("from session"));
                session.flush();
                // The JdbcTemplate sees the session's uncommitted row, and the session sees JdbcTemplate's.
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orm_note", Long.class)).isEqualTo(1);
                jdbc.update("INSERT INTO orm_note (body) VALUES ('from jdbc')");
                assertThat(session.scalars(select(Note.class)).all()).extracting(note -> note.body)
                        .containsExactlyInAnyOrder("from session", "from jdbc");
                session.add(new Note("flushed before commit"));
            });
            assertThat(bodies(context)).containsExactly("flushed before commit", "from jdbc", "from session");
        });
    }

    @Test
    void sessionAndJdbcTemplateWritesBothRollBackOnAnException() {
        runner.run(context -> {
            SessionOperations session = context.getBean(SessionOperations.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThatThrownBy(() -> required(context).executeWithoutResult(status -> {
                session.add(new Note("from session"));
                session.flush();
                jdbc.update("INSERT INTO orm_note (body) VALUES ('from jdbc')");
                throw new IllegalStateException("business rule failed");
            })).isInstanceOf(IllegalStateException.class).hasMessage("business rule failed");
            assertThat(bodies(context)).isEmpty();
        });
    }

    @Test
    void aReadOnlyTransactionFlushesNothing() {
        runner.run(context -> {
            long id = seed(context, "original");
            SessionOperations session = context.getBean(SessionOperations.class);
            TransactionTemplate readOnly = required(context);
            readOnly.setReadOnly(true);
            springStatements.clear();
            readOnly.executeWithoutResult(status -> {
                Note note = session.get(Note.class, id);
                note.body = "changed in memory";
                assertThat(session.isModified(note)).isTrue();
                // No autoflush before the query, no flush before commit.
                assertThat(session.scalars(select(Note.class)).all()).hasSize(1);
                assertThatThrownBy(() -> session.add(new Note("new"))).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("read-only");
            });
            assertThat(springStatements.sql()).isNotEmpty().allSatisfy(sql -> assertThat(sql).startsWith("SELECT"));
            assertThat(bodies(context)).containsExactly("original");
        });
    }

    @Test
    void aRolledBackNestedTransactionKeepsTheOuterWorkAndRestoresTheSession() {
        runner.run(context -> {
            long seeded = seed(context, "seeded");
            SessionOperations session = context.getBean(SessionOperations.class);
            required(context).executeWithoutResult(outer -> {
                Note flushed = new Note("outer flushed");
                session.add(flushed);
                session.flush();
                Note loaded = session.get(Note.class, seeded);
                loaded.body = "outer unflushed";
                Note innerNote = new Note("inner");
                transactions(context, TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(inner -> {
                    session.add(innerNote);
                    flushed.body = "inner change";
                    session.flush();
                    assertThat(innerNote.id).isNotNull();
                    inner.setRollbackOnly();
                });
                // The session is back where it was at the savepoint.
                assertThat(session.state(innerNote)).isEqualTo(EntityState.TRANSIENT);
                assertThat(innerNote.id).isNull();
                assertThat(flushed.body).isEqualTo("outer flushed");
                assertThat(session.isModified(flushed)).isFalse();
                assertThat(loaded.body).isEqualTo("outer unflushed");
                assertThat(session.isModified(loaded)).isTrue();
                assertThat(session.get(Note.class, seeded)).isSameAs(loaded);
            });
            assertThat(bodies(context)).containsExactly("outer flushed", "outer unflushed");
        });
    }

    @Test
    void aFailedFlushInANestedTransactionLeavesTheOuterSessionUsable() {
        runner.run(context -> {
            SessionOperations session = context.getBean(SessionOperations.class);
            required(context).executeWithoutResult(outer -> {
                session.add(new Note("outer"));
                Throwable failure = catchThrowable(() -> transactions(context,
                        TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(inner -> {
                            session.add(new Note(null));
                            session.flush();
                        }));
                assertThat(failure).isNotNull();
                session.add(new Note("after"));
            });
            assertThat(bodies(context)).containsExactly("after", "outer");
        });
    }

    @Test
    void requiresNewGetsASessionOfItsOwnAndTheOuterOneComesBack() {
        runner.run(context -> {
            SessionOperations session = context.getBean(SessionOperations.class);
            TransactionAwareSession proxy = context.getBean(TransactionAwareSession.class);
            assertThatThrownBy(() -> required(context).executeWithoutResult(outer -> {
                session.add(new Note("outer"));
                Session outerSession = proxy.currentSession().orElseThrow();
                transactions(context, TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> {
                    assertThat(proxy.currentSession().orElseThrow()).isNotSameAs(outerSession);
                    session.add(new Note("inner"));
                });
                assertThat(proxy.currentSession().orElseThrow()).isSameAs(outerSession);
                throw new IllegalStateException("outer fails");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(bodies(context)).containsExactly("inner");
        });
    }

    @Test
    void aWriteOutsideATransactionFailsClearlyAndReadsUseAShortLivedSession() {
        runner.run(context -> {
            long id = seed(context, "seeded");
            SessionOperations session = context.getBean(SessionOperations.class);
            assertThatThrownBy(() -> session.add(new Note("lost"))).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("outside a transaction").hasMessageContaining("@Transactional");
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("@Transactional");
            assertThatThrownBy(() -> session.query(Note.class)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("@Transactional(readOnly = true)");
            // A whole entity query is loaded before it returns, so a short-lived session can answer it.
            assertThat(session.scalars(select(Note.class)).all()).singleElement()
                    .satisfies(loaded -> assertThat(session.state(loaded)).isEqualTo(EntityState.DETACHED));
            Note note = session.get(Note.class, id);
            assertThat(note.body).isEqualTo("seeded");
            assertThat(session.state(note)).isEqualTo(EntityState.DETACHED);
            assertThatThrownBy(() -> session.isModified(note)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("@Transactional");
            assertThat(bodies(context)).containsExactly("seeded");
        });
    }

    @Test
    void schemaValidatePassesOnAMatchingSchema() {
        SessionFactory.builder(engine()).entities(Note.class, Label.class).build().metadata().createAll(engine());
        runner.withPropertyValues("mapper.schema=validate").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SessionOperations.class);
            assertThat(context.getBean(SessionFactory.class).engine().inspect().hasTable("orm_note")).isTrue();
        });
    }

    @Test
    void schemaValidateFailsListingEveryDifference() {
        engine().begin(conn -> {
            conn.execute(text("CREATE TABLE orm_note (id INTEGER PRIMARY KEY, title VARCHAR(50))"));
            conn.execute(text("CREATE TABLE orm_label (id INTEGER PRIMARY KEY, name INTEGER)"));
        });
        runner.withPropertyValues("mapper.schema=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaValidationException.class);
            SchemaValidationException failure = (SchemaValidationException) org.assertj.core.util.Throwables
                    .getRootCause(context.getStartupFailure());
            assertThat(failure.differences()).contains("add column orm_note.body")
                    .anySatisfy(difference -> assertThat(difference).startsWith("remove column orm_note.title"))
                    .anySatisfy(difference -> assertThat(difference).startsWith("change type of orm_label.name from ")
                            .contains(" to VARCHAR(30)"));
        });
        engine().begin(conn -> conn.execute(text("DROP TABLE orm_label")));
        runner.withPropertyValues("mapper.schema=validate").run(context -> assertThat(context.getStartupFailure())
                .rootCause().hasMessageContaining("add table orm_label")
                .hasMessageContaining("add column orm_note.body"));
    }
}
