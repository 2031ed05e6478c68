package io.mapper.spring.boot.scenarios;

import static io.mapper.orm.Orm.select;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

import io.mapper.exception.IntegrityException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.EntityState;
import io.mapper.orm.Session;
import io.mapper.spring.boot.TransactionAwareSession;
import io.mapper.spring.boot.autoconfigure.MapperAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperOrmAutoConfiguration;
import io.mapper.testing.BackendTest;
import io.mapper.testing.SqlRecorder;

/**
 * The session transaction scenarios of SQLAlchemy's test/orm/test_transaction.py and of Spring's own transaction
 * manager tests, run through Spring: {@code @Transactional} methods ({@link TransactionBoundaries}) and
 * {@link TransactionTemplate}s with PROPAGATION_NESTED and PROPAGATION_REQUIRES_NEW, using the injected
 * {@link Session} bean, on every enabled backend. Database contents are checked with a {@link JdbcTemplate} after the
 * transactions end.
 */
class SpringSessionScenariosIT extends BackendTest {

    private final SqlRecorder springStatements = new SqlRecorder();
    private ApplicationContextRunner runner;

    /** A business failure thrown out of a transactional method: a RuntimeException, so Spring rolls back. */
    static final class BusinessFailure extends RuntimeException {
        BusinessFailure(String message) {
            super(message);
        }
    }

    @BeforeEach
    void createContextRunner() {
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        MapperAutoConfiguration.class, MapperOrmAutoConfiguration.class))
                .withUserConfiguration(ScenariosConfiguration.class)
                .withBean(SqlRecorder.class, () -> springStatements)
                .withPropertyValues(database().springProperties("mapper.schema=create"));
    }

    // ---- helpers ----

    private static Session session(ApplicationContext context) {
        return context.getBean(Session.class);
    }

    private static TransactionBoundaries tx(ApplicationContext context) {
        return context.getBean(TransactionBoundaries.class);
    }

    private static TransactionTemplate template(ApplicationContext context, int propagation) {
        TransactionTemplate template = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        template.setPropagationBehavior(propagation);
        return template;
    }

    /** The names in scn_user, sorted, read with plain JDBC outside any transaction. */
    private static List<String> names(ApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList("SELECT name FROM scn_user ORDER BY name",
                String.class);
    }

    private static String emailOf(ApplicationContext context, String name) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT email FROM scn_user WHERE name = ?",
                String.class, name);
    }

    /** Commits one user in a transaction of its own and returns its generated id. */
    private static long seed(ApplicationContext context, String name, String email) {
        Session session = session(context);
        return tx(context).requiredReturning(() -> {
            ScenarioUser user = new ScenarioUser(name, email);
            session.add(user);
            session.flush();
            return user.id;
        });
    }

    private static List<String> namesInSession(Session session) {
        return session.scalars(select(ScenarioUser.class)).all().stream().map(user -> user.name).sorted().toList();
    }

    /** Whether a unique-constraint failure is somewhere in the cause chain (as mapper's or Spring's exception). */
    private static boolean isIntegrityViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IntegrityException || cause instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return false;
    }

    // ---- PROPAGATION_NESTED ----

    @Test
    void nestedRollbackForgetsTheFlushedObjectItAddedAndTheOuterCommitsItsOwn() {
        // mirrors test_transaction.py SessionTransactionTest.test_nested_transaction
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            ScenarioUser u2 = new ScenarioUser("u2");
            ScenarioUser u3 = new ScenarioUser("u3");
            tx.required(() -> {
                session.add(u1);
                session.add(u2);
                session.flush();
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    session.add(u3);
                    session.flush();
                    assertThat(u3.id).isNotNull();
                    throw new BusinessFailure("inner fails");
                }));
                assertThat(failure).isInstanceOf(BusinessFailure.class);
                assertThat(session.state(u3)).isEqualTo(EntityState.TRANSIENT);
                assertThat(session.contains(u3)).isFalse();
                assertThat(u3.id).isNull();
                assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
                assertThat(session.state(u2)).isEqualTo(EntityState.PERSISTENT);
                assertThat(namesInSession(session)).containsExactly("u1", "u2");
            });
            assertThat(names(context)).containsExactly("u1", "u2");
        });
    }

    @Test
    void nestedRollbackOfAnUnflushedAddLeavesTheObjectTransientAndTheOuterPendingWorkIntact() {
        // mirrors test_transaction.py SavepointTest.test_expunge_pending_on_rollback
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            ScenarioUser u2 = new ScenarioUser("u2");
            ScenarioUser u3 = new ScenarioUser("u3");
            tx.required(() -> {
                session.add(u1);
                session.add(u2);
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    session.add(u3);
                    assertThat(session.state(u3)).isEqualTo(EntityState.PENDING);
                    throw new BusinessFailure("inner fails");
                }));
                assertThat(failure).isInstanceOf(BusinessFailure.class);
                assertThat(session.state(u3)).isEqualTo(EntityState.TRANSIENT);
                assertThat(u3.id).isNull();
                assertThat(session.state(u1)).isEqualTo(EntityState.PENDING);
                assertThat(session.state(u2)).isEqualTo(EntityState.PENDING);
            });
            assertThat(names(context)).containsExactly("u1", "u2");
            assertThat(u1.id).isNotNull();
            assertThat(u3.id).isNull();
        });
    }

    @Test
    void nestedRollbackRestoresTheAttributesTheInnerChangedAndKeepsTheOuterChanges() {
        // mirrors test_transaction.py SavepointTest.test_savepoint_rollback
        runner.run(context -> {
            long edId = seed(context, "ed", "ed@old");
            long jackId = seed(context, "jack", "jack@old");
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            tx.required(() -> {
                ScenarioUser ed = session.get(ScenarioUser.class, edId);
                ScenarioUser jack = session.get(ScenarioUser.class, jackId);
                ed.email = "ed@outer";
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    ed.name = "edward";
                    ed.email = "ed@inner";
                    jack.name = "jackward";
                    session.add(new ScenarioUser("wendy"));
                    // The query autoflushes the inner changes inside the savepoint.
                    assertThat(namesInSession(session)).containsExactly("edward", "jackward", "wendy");
                    throw new BusinessFailure("inner fails");
                }));
                assertThat(failure).isInstanceOf(BusinessFailure.class);
                // Back to the values from before the inner call, including the outer's unflushed change.
                assertThat(ed.name).isEqualTo("ed");
                assertThat(ed.email).isEqualTo("ed@outer");
                assertThat(jack.name).isEqualTo("jack");
                assertThat(session.isModified(jack)).isFalse();
                assertThat(session.isModified(ed)).isTrue();
                assertThat(session.get(ScenarioUser.class, edId)).isSameAs(ed);
                assertThat(namesInSession(session)).containsExactly("ed", "jack");
            });
            assertThat(names(context)).containsExactly("ed", "jack");
            assertThat(emailOf(context, "ed")).isEqualTo("ed@outer");
            assertThat(emailOf(context, "jack")).isEqualTo("jack@old");
        });
    }

    @Test
    void nestedRollbackMakesADeletedObjectPersistentAgainAndTheOuterKeepsItsRow() {
        // mirrors test_transaction.py SavepointTest.test_update_deleted_on_rollback
        runner.run(context -> {
            long edId = seed(context, "ed", null);
            long jackId = seed(context, "jack", null);
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            tx.required(() -> {
                ScenarioUser ed = session.get(ScenarioUser.class, edId);
                ScenarioUser jack = session.get(ScenarioUser.class, jackId);
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    session.delete(jack);
                    assertThat(session.state(jack)).isEqualTo(EntityState.DELETED);
                    session.flush();
                    session.delete(ed);
                    assertThat(session.state(ed)).isEqualTo(EntityState.DELETED);
                    throw new BusinessFailure("inner fails");
                }));
                assertThat(failure).isInstanceOf(BusinessFailure.class);
                assertThat(session.state(ed)).isEqualTo(EntityState.PERSISTENT);
                assertThat(session.state(jack)).isEqualTo(EntityState.PERSISTENT);
                assertThat(session.contains(jack)).isTrue();
                assertThat(session.get(ScenarioUser.class, jackId)).isSameAs(jack);
                assertThat(namesInSession(session)).containsExactly("ed", "jack");
            });
            assertThat(names(context)).containsExactly("ed", "jack");
        });
    }

    @Test
    void aDeleteInACommittedNestedTransactionIsWrittenByTheOuterCommit() {
        // mirrors test_transaction.py SavepointTest.test_savepoint_delete
        runner.run(context -> {
            long edId = seed(context, "ed", null);
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            tx.required(() -> {
                ScenarioUser ed = session.get(ScenarioUser.class, edId);
                tx.nested(() -> session.delete(ed));
                assertThat(namesInSession(session)).isEmpty();
            });
            assertThat(names(context)).isEmpty();
        });
    }

    @Test
    void aDeleteInACommittedNestedTransactionIsUndoneWhenTheOuterRollsBack() {
        // mirrors test_transaction.py SessionTransactionTest.test_nested_accounting_deleted_items_restored
        runner.run(context -> {
            long edId = seed(context, "ed", null);
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser[] loaded = new ScenarioUser[1];
            Throwable failure = catchThrowable(() -> tx.required(() -> {
                loaded[0] = session.get(ScenarioUser.class, edId);
                tx.nested(() -> {
                    session.delete(loaded[0]);
                    session.flush();
                });
                throw new BusinessFailure("outer fails");
            }));
            assertThat(failure).isInstanceOf(BusinessFailure.class);
            assertThat(names(context)).containsExactly("ed");
            // Loaded from the database, so detached (not transient) once its transaction's session is gone.
            assertThat(loaded[0].id).isEqualTo(edId);
            assertThat(session.state(loaded[0])).isEqualTo(EntityState.DETACHED);
        });
    }

    @Test
    void aNestedFlushThatViolatesAUniqueConstraintIsRolledBackAndTheOuterCommitsItsOwnWork() {
        // mirrors test_transaction.py RollbackRecoverTest.test_pk_violation_with_savepoint
        runner.run(context -> {
            long edId = seed(context, "ed", "ed@old");
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser carl = new ScenarioUser("carl");
            ScenarioUser duplicate = new ScenarioUser("ed", "duplicate");
            ScenarioUser dora = new ScenarioUser("dora");
            tx.required(() -> {
                ScenarioUser ed = session.get(ScenarioUser.class, edId);
                ed.email = "ed@outer";
                session.add(carl);
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    session.add(duplicate);
                    session.flush();
                }));
                assertThat(failure).isNotNull();
                assertThat(isIntegrityViolation(failure)).as("unique violation in %s", failure).isTrue();
                assertThat(session.state(duplicate)).isEqualTo(EntityState.TRANSIENT);
                assertThat(duplicate.id).isNull();
                assertThat(session.state(ed)).isEqualTo(EntityState.PERSISTENT);
                assertThat(ed.email).isEqualTo("ed@outer");
                assertThat(session.state(carl)).isEqualTo(EntityState.PENDING);
                // The session is usable again: more work, then commit.
                session.add(dora);
                session.flush();
            });
            assertThat(names(context)).containsExactly("carl", "dora", "ed");
            assertThat(emailOf(context, "ed")).isEqualTo("ed@outer");
        });
    }

    @Test
    void outerPendingWorkSurvivesAnInnerRollbackEvenWhenTheInnerAutoflushedIt() {
        // mirrors test_transaction.py SavepointTest.test_savepoint_rollback (the query autoflushes inside the savepoint)
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            ScenarioUser u2 = new ScenarioUser("u2");
            tx.required(() -> {
                session.add(u1);
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    session.add(u2);
                    assertThat(namesInSession(session)).containsExactly("u1", "u2");
                    assertThat(u1.id).isNotNull();
                    throw new BusinessFailure("inner fails");
                }));
                assertThat(failure).isInstanceOf(BusinessFailure.class);
                // u1 was pending before the savepoint; its INSERT was rolled back with the savepoint.
                assertThat(session.state(u1)).isEqualTo(EntityState.PENDING);
                assertThat(u1.id).isNull();
                assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
                assertThat(u2.id).isNull();
            });
            assertThat(names(context)).containsExactly("u1");
            assertThat(u1.id).isNotNull();
        });
    }

    @Test
    void anInnermostNestedRollbackKeepsTheMiddleLevelsWork() {
        // mirrors test_transaction.py SessionTransactionTest.test_nested_transaction, one savepoint deeper
        runner.run(context -> {
            long seededId = seed(context, "seeded", "s@old");
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser outer = new ScenarioUser("outer");
            ScenarioUser middle = new ScenarioUser("middle");
            ScenarioUser inner = new ScenarioUser("inner");
            tx.required(() -> {
                ScenarioUser seeded = session.get(ScenarioUser.class, seededId);
                session.add(outer);
                tx.nested(() -> {
                    session.add(middle);
                    seeded.email = "s@middle";
                    session.flush();
                    Throwable failure = catchThrowable(() -> tx.nested(() -> {
                        session.add(inner);
                        seeded.name = "renamed";
                        seeded.email = "s@inner";
                        session.flush();
                        throw new BusinessFailure("innermost fails");
                    }));
                    assertThat(failure).isInstanceOf(BusinessFailure.class);
                    assertThat(session.state(inner)).isEqualTo(EntityState.TRANSIENT);
                    assertThat(inner.id).isNull();
                    assertThat(session.state(middle)).isEqualTo(EntityState.PERSISTENT);
                    assertThat(middle.id).isNotNull();
                    assertThat(seeded.name).isEqualTo("seeded");
                    assertThat(seeded.email).isEqualTo("s@middle");
                });
                assertThat(session.state(middle)).isEqualTo(EntityState.PERSISTENT);
                assertThat(session.state(outer)).isIn(EntityState.PENDING, EntityState.PERSISTENT);
            });
            assertThat(names(context)).containsExactly("middle", "outer", "seeded");
            assertThat(emailOf(context, "seeded")).isEqualTo("s@middle");
        });
    }

    @Test
    void aMiddleRollbackUndoesTheChangesOfACommittedInnermostSavepoint() {
        // mirrors test_transaction.py SessionTransactionTest.test_dirty_state_transferred_deep_nesting
        runner.run(context -> {
            long u1Id = seed(context, "u1", null);
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            tx.required(() -> {
                ScenarioUser u1 = session.get(ScenarioUser.class, u1Id);
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    tx.nested(() -> {
                        u1.name = "u2";
                        session.flush();
                    });
                    assertThat(u1.name).isEqualTo("u2");
                    throw new BusinessFailure("middle fails");
                }));
                assertThat(failure).isInstanceOf(BusinessFailure.class);
                assertThat(u1.name).isEqualTo("u1");
                assertThat(session.isModified(u1)).isFalse();
            });
            assertThat(names(context)).containsExactly("u1");
        });
    }

    @Test
    void aCommittedNestedTransactionsChangesAreWrittenByTheOuterCommit() {
        // mirrors test_transaction.py SavepointTest.test_savepoint_commit
        runner.run(context -> {
            long edId = seed(context, "ed", null);
            long jackId = seed(context, "jack", null);
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            tx.required(() -> {
                ScenarioUser ed = session.get(ScenarioUser.class, edId);
                ScenarioUser jack = session.get(ScenarioUser.class, jackId);
                tx.nested(() -> {
                    ed.name = "edward";
                    jack.name = "jackward";
                    session.addAll(List.of(new ScenarioUser("wendy"), new ScenarioUser("foo")));
                });
                assertThat(ed.name).isEqualTo("edward");
                assertThat(namesInSession(session)).containsExactly("edward", "foo", "jackward", "wendy");
            });
            assertThat(names(context)).containsExactly("edward", "foo", "jackward", "wendy");
        });
    }

    @Test
    void aNestedRollbackThatIsTheSessionsFirstUseForgetsOnlyTheInnerWork() {
        // mirrors test_transaction.py SavepointTest.test_expunge_pending_on_rollback (begin_nested before any use)
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ScenarioUser u1 = new ScenarioUser("u1");
            ScenarioUser u2 = new ScenarioUser("u2");
            tx.required(() -> {
                // The outer transaction writes with JDBC only; the session is opened inside the savepoint.
                jdbc.update("INSERT INTO scn_user (name) VALUES ('from jdbc')");
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    session.add(u1);
                    session.flush();
                    throw new BusinessFailure("inner fails");
                }));
                assertThat(failure).isInstanceOf(BusinessFailure.class);
                assertThat(session.state(u1)).isEqualTo(EntityState.TRANSIENT);
                assertThat(u1.id).isNull();
                session.add(u2);
                assertThat(namesInSession(session)).containsExactly("from jdbc", "u2");
            });
            assertThat(names(context)).containsExactly("from jdbc", "u2");
        });
    }

    @Test
    void aRequiredParticipantMarkingRollbackOnlyRollsBackTheEnclosingSavepointOnly() {
        // mirrors Spring DataSourceTransactionManagerTests.testExistingTransactionWithPropagationNestedAndRequiredRollbackOnly
        runner.run(context -> {
            Session session = session(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            ScenarioUser u2 = new ScenarioUser("u2");
            ScenarioUser u3 = new ScenarioUser("u3");
            template(context, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
                session.add(u1);
                Throwable failure = catchThrowable(() -> template(context, TransactionDefinition.PROPAGATION_NESTED)
                        .executeWithoutResult(nested -> {
                            session.add(u2);
                            template(context, TransactionDefinition.PROPAGATION_REQUIRED)
                                    .executeWithoutResult(participant -> {
                                        session.add(u3);
                                        session.flush();
                                        participant.setRollbackOnly();
                                    });
                        }));
                assertThat(failure).isInstanceOf(UnexpectedRollbackException.class);
                assertThat(outer.isRollbackOnly()).isFalse();
                assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
                assertThat(session.state(u3)).isEqualTo(EntityState.TRANSIENT);
                assertThat(u2.id).isNull();
                assertThat(u3.id).isNull();
                assertThat(session.state(u1)).isEqualTo(EntityState.PENDING);
            });
            assertThat(names(context)).containsExactly("u1");
        });
    }

    @Test
    void aRequiredParticipantThrowingRollsBackTheEnclosingSavepointOnly() {
        // mirrors Spring DataSourceTransactionManagerTests.testExistingTransactionWithPropagationNestedAndRequiredRollback
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            ScenarioUser u2 = new ScenarioUser("u2");
            tx.required(() -> {
                session.add(u1);
                session.flush();
                Throwable failure = catchThrowable(() -> tx.nested(() -> tx.required(() -> {
                    session.add(u2);
                    session.flush();
                    u1.email = "changed by the participant";
                    throw new IllegalStateException("participant fails");
                })));
                assertThat(failure).isInstanceOf(IllegalStateException.class);
                assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
                assertThat(u2.id).isNull();
                assertThat(u1.email).isNull();
                assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            });
            assertThat(names(context)).containsExactly("u1");
            assertThat(emailOf(context, "u1")).isNull();
        });
    }

    @Test
    void sequentialNestedTransactionsEachKeepOrForgetOnlyTheirOwnWork() {
        // mirrors Spring DataSourceTransactionManagerTests.testExistingTransactionWithPropagationNestedTwice
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser a = new ScenarioUser("a");
            ScenarioUser b = new ScenarioUser("b");
            ScenarioUser c = new ScenarioUser("c");
            tx.required(() -> {
                tx.nested(() -> {
                    session.add(a);
                    session.flush();
                });
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    session.add(b);
                    a.email = "a@second";
                    session.flush();
                    throw new BusinessFailure("second fails");
                }));
                assertThat(failure).isInstanceOf(BusinessFailure.class);
                tx.nested(() -> {
                    session.add(c);
                    session.flush();
                });
                assertThat(session.state(a)).isEqualTo(EntityState.PERSISTENT);
                assertThat(a.email).isNull();
                assertThat(session.state(b)).isEqualTo(EntityState.TRANSIENT);
                assertThat(b.id).isNull();
                assertThat(session.state(c)).isEqualTo(EntityState.PERSISTENT);
            });
            assertThat(names(context)).containsExactly("a", "c");
            assertThat(emailOf(context, "a")).isNull();
        });
    }

    @Test
    void nestedWithoutAnOuterTransactionIsATopLevelTransactionThatRollsBackCompletely() {
        // mirrors Spring DataSourceTransactionManagerTests.testTransactionWithPropagationNestedAndRollback
        runner.run(context -> {
            Session session = session(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            template(context, TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(status -> {
                assertThat(status.isNewTransaction()).isTrue();
                assertThat(status.hasSavepoint()).isFalse();
                session.add(u1);
                session.flush();
                assertThat(u1.id).isNotNull();
                status.setRollbackOnly();
            });
            assertThat(names(context)).isEmpty();
            assertThat(u1.id).isNull();
            assertThat(session.state(u1)).isEqualTo(EntityState.TRANSIENT);
        });
    }

    // ---- PROPAGATION_REQUIRES_NEW ----

    @Test
    void requiresNewRunsInASessionOfItsOwnThatDoesNotSeeTheOuterWork() {
        // mirrors test_transaction.py SessionTransactionTest.test_transactions_isolated and
        // Spring DataSourceTransactionManagerTests.testPropagationRequiresNewWithExistingTransaction
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            TransactionAwareSession proxy = context.getBean(TransactionAwareSession.class);
            ScenarioUser u1 = new ScenarioUser("u1");
            tx.required(() -> {
                session.add(u1);
                session.flush();
                Session outerSession = proxy.currentSession().orElseThrow();
                tx.requiresNew(() -> {
                    assertThat(proxy.currentSession().orElseThrow()).isNotSameAs(outerSession);
                    assertThat(session.contains(u1)).isFalse();
                    // The outer's flushed row is uncommitted, so the new transaction does not see it.
                    assertThat(namesInSession(session)).isEmpty();
                });
                assertThat(proxy.currentSession().orElseThrow()).isSameAs(outerSession);
                assertThat(session.contains(u1)).isTrue();
                assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            });
            assertThat(names(context)).containsExactly("u1");
        });
    }

    @Test
    void requiresNewCommitsIndependentlyEvenWhenTheOuterLaterRollsBack() {
        // mirrors Spring DataSourceTransactionManagerTests.testPropagationRequiresNewWithExistingTransaction
        // (the roles reversed: the inner commits, the outer rolls back)
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser outerUser = new ScenarioUser("outer");
            ScenarioUser audit = new ScenarioUser("audit");
            Throwable failure = catchThrowable(() -> tx.required(() -> {
                session.add(outerUser);
                template(context, TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> {
                    assertThat(session.contains(outerUser)).isFalse();
                    session.add(audit);
                });
                assertThat(session.contains(audit)).isFalse();
                assertThat(audit.id).isNotNull();
                throw new BusinessFailure("outer fails");
            }));
            assertThat(failure).isInstanceOf(BusinessFailure.class);
            assertThat(names(context)).containsExactly("audit");
            assertThat(outerUser.id).isNull();
            assertThat(session.state(outerUser)).isEqualTo(EntityState.TRANSIENT);
        });
    }

    @Test
    void aFailingRequiresNewDoesNotAffectTheOuterPendingWork() {
        // mirrors Spring DataSourceTransactionManagerTests.testPropagationRequiresNewWithExistingTransaction
        // (the inner rolls back, the outer commits) and test_transaction.py RollbackRecoverTest.test_pk_violation
        runner.run(context -> {
            seed(context, "ed", null);
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            ScenarioUser duplicate = new ScenarioUser("ed");
            tx.required(() -> {
                session.add(u1);
                Throwable failure = catchThrowable(() -> tx.requiresNew(() -> {
                    session.add(duplicate);
                    session.flush();
                }));
                assertThat(isIntegrityViolation(failure)).as("unique violation in %s", failure).isTrue();
                assertThat(session.state(u1)).isEqualTo(EntityState.PENDING);
                assertThat(session.contains(duplicate)).isFalse();
                assertThat(duplicate.id).isNull();
                assertThat(session.state(duplicate)).isEqualTo(EntityState.TRANSIENT);
            });
            assertThat(names(context)).containsExactly("ed", "u1");
        });
    }

    @Test
    void aRequiresNewCommitInsideARolledBackNestedTransactionStaysCommitted() {
        // mirrors Spring DataSourceTransactionManagerTests.testPropagationRequiresNewWithExistingTransaction,
        // called from inside a savepoint that then rolls back
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser outer = new ScenarioUser("outer");
            ScenarioUser nested = new ScenarioUser("nested");
            ScenarioUser audit = new ScenarioUser("audit");
            tx.required(() -> {
                session.add(outer);
                Throwable failure = catchThrowable(() -> tx.nested(() -> {
                    session.add(nested);
                    tx.requiresNew(() -> {
                        assertThat(session.contains(outer)).isFalse();
                        assertThat(session.contains(nested)).isFalse();
                        session.add(audit);
                    });
                    throw new BusinessFailure("nested fails");
                }));
                assertThat(failure).isInstanceOf(BusinessFailure.class);
                assertThat(session.state(nested)).isEqualTo(EntityState.TRANSIENT);
                assertThat(session.state(outer)).isEqualTo(EntityState.PENDING);
                assertThat(session.contains(audit)).isFalse();
            });
            assertThat(names(context)).containsExactly("audit", "outer");
            assertThat(audit.id).isNotNull();
            assertThat(nested.id).isNull();
        });
    }

    // ---- the outer transaction ----

    @Test
    void anOuterRollbackWritesNothingAndLeavesTheAddedObjectsTransient() {
        // mirrors test_transaction.py AutoExpireTest.test_expunge_pending_on_rollback,
        // SessionTransactionTest.test_nested_autotrans and test_nested_accounting_new_items_removed
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            ScenarioUser u2 = new ScenarioUser("u2");
            ScenarioUser u3 = new ScenarioUser("u3");
            Throwable failure = catchThrowable(() -> tx.required(() -> {
                session.addAll(List.of(u1, u2));
                session.flush();
                // A released savepoint does not outlive the transaction it belongs to.
                tx.nested(() -> {
                    session.add(u3);
                    session.flush();
                });
                throw new BusinessFailure("outer fails");
            }));
            assertThat(failure).isInstanceOf(BusinessFailure.class);
            assertThat(names(context)).isEmpty();
            for (ScenarioUser user : List.of(u1, u2, u3)) {
                assertThat(user.id).as("id of %s", user.name).isNull();
                assertThat(session.state(user)).as("state of %s", user.name).isEqualTo(EntityState.TRANSIENT);
            }
        });
    }

    @Test
    void aFlushFailureAtCommitRollsBackEverythingAndLeavesTheAddedObjectsTransient() {
        // mirrors test_transaction.py RollbackRecoverTest.test_pk_violation
        runner.run(context -> {
            long edId = seed(context, "ed", "ed@old");
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            ScenarioUser duplicate = new ScenarioUser("ed");
            Throwable failure = catchThrowable(() -> tx.required(() -> {
                ScenarioUser ed = session.get(ScenarioUser.class, edId);
                ed.email = "ed@changed";
                session.add(u1);
                session.add(duplicate);
                // Nothing flushed yet: the flush before commit fails.
            }));
            assertThat(isIntegrityViolation(failure)).as("unique violation in %s", failure).isTrue();
            assertThat(names(context)).containsExactly("ed");
            assertThat(emailOf(context, "ed")).isEqualTo("ed@old");
            for (ScenarioUser user : List.of(u1, duplicate)) {
                assertThat(user.id).as("id of %s", user.name).isNull();
                assertThat(session.state(user)).as("state of %s", user.name).isEqualTo(EntityState.TRANSIENT);
            }
        });
    }

    @Test
    void anOuterRollbackKeepsTheRowsItDeleted() {
        // mirrors test_transaction.py AutoExpireTest.test_update_deleted_on_rollback
        runner.run(context -> {
            long edId = seed(context, "ed", "ed@old");
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            Throwable failure = catchThrowable(() -> tx.required(() -> {
                ScenarioUser ed = session.get(ScenarioUser.class, edId);
                ed.email = "ed@changed";
                session.flush();
                session.delete(ed);
                session.flush();
                throw new BusinessFailure("outer fails");
            }));
            assertThat(failure).isInstanceOf(BusinessFailure.class);
            assertThat(names(context)).containsExactly("ed");
            assertThat(emailOf(context, "ed")).isEqualTo("ed@old");
            assertThat(session.get(ScenarioUser.class, edId)).satisfies(ed -> assertThat(ed.email).isEqualTo("ed@old"));
        });
    }

    // ---- outside a transaction, NOT_SUPPORTED, SUPPORTS, read-only ----

    @Test
    void writesOutsideATransactionRaiseNamingTransactional() {
        // mirrors Spring DataSourceTransactionManagerTests.testTransactionWithPropagationSupports
        runner.run(context -> {
            long edId = seed(context, "ed", null);
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser detached = session.get(ScenarioUser.class, edId);
            Runnable writes = () -> {
                assertThatThrownBy(() -> session.add(new ScenarioUser("lost")))
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("@Transactional");
                assertThatThrownBy(() -> session.addAll(List.of(new ScenarioUser("lost too"))))
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("@Transactional");
                assertThatThrownBy(() -> session.delete(detached)).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("@Transactional");
                assertThatThrownBy(() -> session.merge(detached)).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("@Transactional");
                assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("@Transactional");
            };
            writes.run();
            // SUPPORTS without an existing transaction runs non-transactionally: the same refusals.
            tx.supports(writes);
            assertThat(names(context)).containsExactly("ed");
        });
    }

    @Test
    void notSupportedSuspendsTheOuterSessionAndRefusesWrites() {
        // mirrors Spring DataSourceTransactionManagerTests.testTransactionWithPropagationNotSupported
        runner.run(context -> {
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            ScenarioUser u1 = new ScenarioUser("u1");
            tx.required(() -> {
                session.add(u1);
                tx.notSupported(() -> {
                    assertThat(session.contains(u1)).isFalse();
                    assertThatThrownBy(() -> session.add(new ScenarioUser("lost")))
                            .isInstanceOf(InvalidRequestException.class).hasMessageContaining("@Transactional");
                });
                assertThat(session.state(u1)).isEqualTo(EntityState.PENDING);
            });
            assertThat(names(context)).containsExactly("u1");
        });
    }

    @Test
    void aReadOnlyTransactionFlushesNothingEvenForAJoiningRequiredMethod() {
        // mirrors Spring DataSourceTransactionManagerTests.testTransactionWithIsolationAndReadOnly
        runner.run(context -> {
            long edId = seed(context, "ed", "ed@old");
            Session session = session(context);
            TransactionBoundaries tx = tx(context);
            springStatements.clear();
            tx.readOnly(() -> {
                ScenarioUser ed = session.get(ScenarioUser.class, edId);
                ed.email = "changed in memory";
                assertThat(session.isModified(ed)).isTrue();
                // No autoflush before the query.
                assertThat(namesInSession(session)).containsExactly("ed");
                assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("read-only");
                // A REQUIRED method joins the read-only transaction and cannot write either.
                tx.required(() -> assertThatThrownBy(() -> session.add(new ScenarioUser("new")))
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("read-only"));
            });
            assertThat(springStatements.sql()).isNotEmpty()
                    .allSatisfy(sql -> assertThat(sql).startsWith("SELECT"));
            assertThat(names(context)).containsExactly("ed");
            assertThat(emailOf(context, "ed")).isEqualTo("ed@old");
        });
    }
}
