package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.InvalidRequestException;
import io.mapper.sql.TextClause;
import io.mapper.testing.BackendTest;

/**
 * {@link IsolationLevel#AUTOCOMMIT}: connections without a transaction, per engine
 * ({@link Engine#withIsolationLevel}) and per connection. Mirrors SQLAlchemy's
 * {@code testing/suite/test_dialect.py::AutocommitIsolationTest} and {@code test/engine/test_transaction.py}'s
 * {@code test_autocommit_isolation_level}, {@code test_no_autocommit_w_autobegin}.
 */
class AutocommitIT extends BackendTest {

    private static final TextClause INSERT = text("INSERT INTO account (email, name) VALUES (:email, :name)");

    @BeforeEach
    void createTable() {
        Schemas.createAccount(engine(), backend);
    }

    private static TextClause account(String email) {
        return INSERT.bind("email", email).bind("name", email.substring(0, email.indexOf('@')));
    }

    /** {@code test_autocommit_on}: a rollback undoes nothing; the pool's next connection has transactions again. */
    @Test
    void autocommitEngineCommitsEveryStatementAndThePoolGetsTransactionsBack() {
        Engine autocommit = engine().withIsolationLevel(IsolationLevel.AUTOCOMMIT);
        assertThat(autocommit.isolationLevel()).contains(IsolationLevel.AUTOCOMMIT);
        assertThat(engine().isolationLevel()).isEmpty();
        try (Connection conn = autocommit.connect()) {
            assertThat(conn.isAutocommit()).isTrue();
            assertThat(conn.isolationLevel()).isEqualTo(IsolationLevel.AUTOCOMMIT);
            conn.execute(account("patrick@example.com"));
            assertThat(conn.inTransaction()).isFalse();
            // Another connection sees the row while this one is still open: it was committed as it ran.
            assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
            conn.rollback();
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);

        // test_autocommit_off: the same pool's connections from the base engine roll back again.
        try (Connection conn = engine().connect()) {
            assertThat(conn.isAutocommit()).isFalse();
            conn.execute(account("sandy@example.com"));
            assertThat(conn.inTransaction()).isTrue();
            conn.rollback();
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    /** {@code test_turn_autocommit_off_via_default_iso_level}: a connection leaves AUTOCOMMIT for a real level. */
    @Test
    void aConnectionTurnsAutocommitOffWithAnIsolationLevel() {
        try (Connection conn = engine().withIsolationLevel(IsolationLevel.AUTOCOMMIT).connect()) {
            conn.execute(account("patrick@example.com"));
            conn.isolationLevel(IsolationLevel.READ_COMMITTED);
            assertThat(conn.isAutocommit()).isFalse();
            conn.execute(account("sandy@example.com"));
            conn.rollback();
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    /** {@code test_autocommit_isolation_level} with the level set on the connection instead of the engine. */
    @Test
    void aConnectionTurnsAutocommitOnBeforeItsFirstStatement() {
        try (Connection conn = engine().connect()) {
            conn.isolationLevel(IsolationLevel.AUTOCOMMIT);
            conn.execute(account("patrick@example.com"));
            conn.rollback();
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
        try (Connection conn = engine().connect()) {
            assertThat(conn.isAutocommit()).isFalse();
        }
    }

    /** {@code test_no_autocommit_w_autobegin}: not in the middle of a transaction; after its end, yes. */
    @Test
    void autocommitIsRefusedInTheMiddleOfATransaction() {
        try (Connection conn = engine().connect()) {
            conn.execute(account("patrick@example.com"));
            assertThatThrownBy(() -> conn.isolationLevel(IsolationLevel.AUTOCOMMIT))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("middle of a transaction");
            conn.rollback();
            conn.isolationLevel(IsolationLevel.AUTOCOMMIT);
            conn.execute(account("sandy@example.com"));
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    @Test
    void savepointsAreRefusedWithoutATransaction() {
        requires(io.mapper.testing.Feature.SAVEPOINTS);
        try (Connection conn = engine().withIsolationLevel(IsolationLevel.AUTOCOMMIT).connect()) {
            assertThatThrownBy(conn::beginNested).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("AUTOCOMMIT").hasMessageContaining("no transaction for a savepoint");
            conn.execute(account("patrick@example.com"));
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    /** {@code engine.begin(work)} on an AUTOCOMMIT engine has no transaction to roll back: the rows stay. */
    @Test
    void aBlockThatThrowsKeepsItsRowsWithoutATransaction() {
        Engine autocommit = engine().withIsolationLevel(IsolationLevel.AUTOCOMMIT);
        assertThatThrownBy(() -> autocommit.begin(conn -> {
            conn.execute(account("patrick@example.com"));
            throw new IllegalStateException("after the insert");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
        // And a begin() connection closed without commit() does not complain: nothing is left uncommitted.
        try (Connection conn = autocommit.begin()) {
            conn.execute(account("sandy@example.com"));
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(2);
    }

    @Test
    void readsInAutocommitSeeCommittedRowsAndNeedNoTransaction() {
        engine().begin(conn -> conn.execute(account("patrick@example.com")));
        Engine autocommit = engine().withIsolationLevel(IsolationLevel.AUTOCOMMIT);
        recorder.clear();
        try (Connection conn = autocommit.connect()) {
            assertThat(conn.execute(text("SELECT name FROM account")).scalar(String.class)).isEqualTo("patrick");
            assertThat(conn.inTransaction()).isFalse();
        }
        assertThat(recorder.count()).isEqualTo(1);
        // A write committed by another connection in between is seen by the next read at once.
        try (Connection conn = autocommit.connect()) {
            assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
            engine().begin(other -> other.execute(account("sandy@example.com")));
            assertThat(conn.execute(text("SELECT COUNT(*) FROM account")).scalar(Long.class)).isEqualTo(2);
        }
    }
    /**
     * Read-only still means the database refuses writes: a read-only connection keeps a transaction on an AUTOCOMMIT
     * engine (pgjdbc applies read-only only to transactions; in auto-commit it took the INSERT).
     */
    @Test
    void aReadOnlyConnectionWithoutATransactionStillRefusesWrites() {
        org.junit.jupiter.api.Assumptions.assumeTrue(engine().dialect().supportsReadOnlyTransactions(),
                backend + " treats read-only as a hint");
        try (Connection conn = engine().withIsolationLevel(IsolationLevel.AUTOCOMMIT).connectReadOnly()) {
            assertThat(conn.isAutocommit()).isFalse();
            assertThat(conn.execute(text("SELECT COUNT(*) FROM account")).scalar(Long.class)).isZero();
            assertThatThrownBy(() -> conn.execute(account("patrick@example.com")))
                    .isInstanceOf(io.mapper.exception.DatabaseException.class);
        }
        assertThat(Schemas.countAccounts(engine())).isZero();
    }
}
