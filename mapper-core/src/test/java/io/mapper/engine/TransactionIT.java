package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.InvalidRequestException;
import io.mapper.exception.ResourceClosedException;
import io.mapper.sql.TextClause;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Feature;

class TransactionIT extends BackendTest {

    private static final TextClause INSERT = text("INSERT INTO account (email, name) VALUES (:email, :name)");

    @BeforeEach
    void createTable() {
        Schemas.createAccount(engine(), backend);
    }

    private static TextClause account(String email) {
        return INSERT.bind("email", email).bind("name", email.substring(0, email.indexOf('@')));
    }

    @Test
    void beginCallbackCommitsWhenTheBlockReturns() {
        engine().begin(conn -> {
            conn.execute(account("patrick@example.com"));
            conn.execute(account("sandy@example.com"));
        });
        assertThat(Schemas.countAccounts(engine())).isEqualTo(2);
    }

    @Test
    void beginCallbackThatThrowsLeavesNoRowsBehind() {
        assertThatThrownBy(() -> engine().begin(conn -> {
            conn.execute(account("patrick@example.com"));
            throw new IllegalStateException("business rule failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("business rule failed");
        assertThat(Schemas.countAccounts(engine())).isZero();
    }

    @Test
    void inTransactionReturnsTheBlocksValueAndCommits() {
        long count = engine().inTransaction(conn -> {
            conn.execute(account("patrick@example.com"));
            return conn.execute(text("SELECT COUNT(*) FROM account")).scalar(Long.class);
        });
        assertThat(count).isEqualTo(1);
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    @Test
    void beginWithTryWithResourcesCommitsExplicitly() {
        try (Connection conn = engine().begin()) {
            conn.execute(account("patrick@example.com"));
            conn.commit();
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    @Test
    void beginWithoutCommitRollsBackAndSaysSo() {
        assertThatThrownBy(() -> {
            try (Connection conn = engine().begin()) {
                conn.execute(account("patrick@example.com"));
            }
        }).isInstanceOf(InvalidRequestException.class).hasMessageContaining("conn.commit()");
        assertThat(Schemas.countAccounts(engine())).isZero();
    }

    @Test
    void beginBlockThatThrowsRollsBackAndKeepsTheOriginalException() {
        assertThatThrownBy(() -> {
            try (Connection conn = engine().begin()) {
                conn.execute(account("patrick@example.com"));
                throw new IllegalArgumentException("boom");
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
        assertThat(Schemas.countAccounts(engine())).isZero();
    }

    @Test
    void beginWithOnlyReadsClosesQuietly() {
        try (Connection conn = engine().begin()) {
            assertThat(conn.execute(text("SELECT COUNT(*) FROM account")).scalar(Long.class)).isZero();
        }
    }

    @Test
    void connectIsCommitAsYouGoAndCloseRollsBackTheRest() {
        try (Connection conn = engine().connect()) {
            conn.execute(account("patrick@example.com"));
            conn.commit();
            conn.execute(account("sandy@example.com"));
            assertThat(conn.inTransaction()).isTrue();
        }
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT email FROM account")).scalars(String.class).all())
                    .containsExactly("patrick@example.com");
        }
    }

    @Test
    void rollbackUndoesTheTransaction() {
        try (Connection conn = engine().connect()) {
            conn.execute(account("patrick@example.com"));
            conn.rollback();
            assertThat(conn.inTransaction()).isFalse();
            conn.execute(account("sandy@example.com"));
            conn.commit();
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    @Test
    void rolledBackSavepointKeepsTheOuterWork() {
        requires(Feature.SAVEPOINTS);
        engine().begin(conn -> {
            conn.execute(account("outer@example.com"));
            try (Transaction savepoint = conn.beginNested()) {
                conn.execute(account("inner@example.com"));
                savepoint.rollback();
            }
            conn.execute(account("after@example.com"));
        });
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT email FROM account ORDER BY email")).scalars(String.class).all())
                    .containsExactly("after@example.com", "outer@example.com");
        }
    }

    @Test
    void savepointRolledBackAfterAConstraintViolationLetsTheOuterTransactionGoOn() {
        requires(Feature.SAVEPOINTS);
        engine().begin(conn -> {
            conn.execute(account("sandy@example.com"));
            // On PostgreSQL a failed statement aborts the whole transaction unless a savepoint contains it.
            assertThatThrownBy(() -> {
                try (Transaction savepoint = conn.beginNested()) {
                    conn.execute(account("sandy@example.com"));
                    savepoint.commit();
                }
            }).isInstanceOf(io.mapper.exception.IntegrityException.class);
            conn.execute(account("patrick@example.com"));
        });
        assertThat(Schemas.countAccounts(engine())).isEqualTo(2);
    }

    @Test
    void committedSavepointBecomesPartOfTheOuterTransaction() {
        requires(Feature.SAVEPOINTS);
        try (Connection conn = engine().connect()) {
            try (Transaction savepoint = conn.beginNested()) {
                conn.execute(account("inner@example.com"));
                savepoint.commit();
                assertThat(savepoint.isActive()).isFalse();
            }
            conn.rollback();
        }
        // Releasing the savepoint does not commit: the outer rollback undid it.
        assertThat(Schemas.countAccounts(engine())).isZero();
    }

    @Test
    void savepointClosedWithoutCommitRollsBackAndRaises() {
        requires(Feature.SAVEPOINTS);
        try (Connection conn = engine().connect()) {
            conn.execute(account("outer@example.com"));
            assertThatThrownBy(() -> {
                try (Transaction savepoint = conn.beginNested()) {
                    conn.execute(account("inner@example.com"));
                }
            }).isInstanceOf(InvalidRequestException.class).hasMessageContaining("savepoint");
            conn.commit();
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    @Test
    void endedSavepointCannotBeEndedAgain() {
        requires(Feature.SAVEPOINTS);
        try (Connection conn = engine().connect()) {
            Transaction savepoint = conn.beginNested();
            savepoint.rollback();
            assertThatThrownBy(savepoint::commit).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("already ended");
        }
    }

    @Test
    void isolationLevelPerEngineAndPerConnection() {
        try (Engine serializable = database().newEngine().isolationLevel(IsolationLevel.SERIALIZABLE).build();
                Connection conn = serializable.connect()) {
            assertThat(conn.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
        }
        if (!backend.is("sqlite")) {
            // SQLite is always serializable; the others switch.
            try (Connection conn = engine().connect()) {
                conn.isolationLevel(IsolationLevel.READ_COMMITTED);
                assertThat(conn.isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
                conn.execute(text("SELECT COUNT(*) FROM account")).all();
                assertThatThrownBy(() -> conn.isolationLevel(IsolationLevel.SERIALIZABLE))
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("middle of a transaction");
            }
        }
    }

    @Test
    void readOnlyConnectionRefusesWritesAndIsResetOnClose() {
        org.junit.jupiter.api.Assumptions.assumeTrue(engine().dialect().supportsReadOnlyTransactions(),
                backend + " treats read-only as a hint");
        try (Connection conn = engine().connect()) {
            conn.readOnly(true);
            assertThat(conn.execute(text("SELECT COUNT(*) FROM account")).scalar(Long.class)).isZero();
            assertThatThrownBy(() -> conn.execute(account("patrick@example.com")))
                    .isInstanceOf(io.mapper.exception.DatabaseException.class);
        }
        engine().begin(conn -> conn.execute(account("patrick@example.com")));
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    @Test
    void executeManySendsOneBatchPerBatchSize() {
        List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(java.util.Map.of("email", "user" + i + "@example.com", "name", "user " + i));
        }
        try (Engine batching = database().newEngine().batchSize(10).listener(recorder).build()) {
            recorder.clear();
            long count = batching.inTransaction(conn -> conn.executeMany(INSERT, rows).rowCount());
            assertThat(recorder.statements()).extracting(io.mapper.testing.SqlRecorder.Recorded::batchSize).containsExactly(10, 10, 5);
            if (count >= 0) {
                assertThat(count).isEqualTo(25);
            }
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(25);
    }
}
