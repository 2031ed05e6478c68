package io.mapper.orm;

import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.LockNotAvailableException;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.orm.loading.Album;
import io.mapper.orm.loading.Artist;
import io.mapper.orm.model.Account;
import io.mapper.sql.ForUpdate;
import io.mapper.sql.RowLock;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Feature;
import io.mapper.types.Types;

/**
 * Row locks on entity queries and {@code get}: the SQL each backend emits, and two sessions on two threads competing
 * for one row (one waits, NOWAIT fails at once with {@link LockNotAvailableException}, SKIP LOCKED passes over it).
 * Mirrors SQLAlchemy's test/orm/test_lockmode.py (BackendTest, CompileTest) and
 * test/dialect/mysql/test_for_update.py (MySQLForUpdateLockingTest: a second connection sees the lock).
 */
class LockingIT extends BackendTest {

    private static final TableClause ACCOUNT = Attribute.table("account");
    private static final Attribute<Account, String> CODE = Attribute.of(Account.class, "code", ACCOUNT, "code",
            Types.string(255));
    private static final String ACCOUNT_SELECT = "SELECT account.code, account.balance, account.version FROM account";

    private SessionFactory sessions;
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @BeforeEach
    void createAccounts() {
        sessions = SessionFactory.builder(engine()).entities(Account.class, Artist.class, Album.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            session.addAll(List.of(new Account("A", new BigDecimal("100.00")), new Account("B", BigDecimal.ONE),
                    new Account("C", BigDecimal.TEN)));
            session.commit();
        }
        recorder.clear();
    }

    @AfterEach
    void stopOtherThread() throws InterruptedException {
        other.shutdownNow();
        other.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Mirrors test_lockmode.py::CompileTest (plain, read, nowait, skip_locked), run on the backend. */
    @Test
    void entityQueriesRenderTheLockPerDialect() {
        try (Session session = sessions.open()) {
            List<Account> locked = session.scalars(select(Account.class).where(CODE.eq("A")).forUpdate()).all();
            assertThat(locked).extracting(account -> account.code).containsExactly("A");
            String where = ACCOUNT_SELECT + " WHERE account.code = ?";
            if (backend.is("sqlite")) {
                // SQLite has no row locks (SQLAlchemy renders nothing either): its writers lock the whole database.
                recorder.assertStatements(where);
                assertThatThrownBy(() -> session.scalars(select(Account.class).forUpdate(ForUpdate.NOWAIT)).all())
                        .isInstanceOf(UnsupportedCompilationException.class)
                        .hasMessageContaining("SQLite has no row locks");
                return;
            }
            session.scalars(select(Account.class).where(CODE.eq("A")).forShare()).all();
            session.query(Account.class).filterBy("code", "B").lock(RowLock.UPDATE.nowait()).one();
            session.scalars(select(Account.class).orderBy(CODE).forUpdate(ForUpdate.SKIP_LOCKED).limit(2)).all();
            String shared = switch (backend.name()) {
                case "postgresql" -> " FOR SHARE";
                case "mariadb" -> " LOCK IN SHARE MODE";
                default -> " FOR UPDATE";   // H2 has no shared row lock: the exclusive one keeps its guarantees
            };
            String paged = ACCOUNT_SELECT + " ORDER BY account.code"
                    + (backend.is("h2") ? " FETCH FIRST ? ROWS ONLY" : " LIMIT ?");
            recorder.assertStatements(where + " FOR UPDATE", where + shared, where + " FOR UPDATE NOWAIT",
                    paged + " FOR UPDATE SKIP LOCKED");
            session.commit();
        }
    }

    /** Mirrors test_session.py::test_get_with_for_update_use: get with a lock always SELECTs, and refreshes. */
    @Test
    void getWithALockSelectsEvenFromTheIdentityMapAndRefreshesTheObject() {
        // SQLite's reader keeps its snapshot and has no lock to take; the other backends show the refresh.
        requires(Feature.ROW_LOCKS);
        try (Session session = sessions.open()) {
            Account account = session.get(Account.class, "A");
            try (Session elsewhere = sessions.open()) {
                elsewhere.get(Account.class, "A").balance = new BigDecimal("250.00");
                elsewhere.commit();
            }
            assertThat(session.get(Account.class, "A").balance).isEqualByComparingTo("100.00");   // identity map
            recorder.clear();
            assertThat(session.get(Account.class, "A", RowLock.UPDATE)).isSameAs(account);
            assertThat(account.balance).isEqualByComparingTo("250.00");
            assertThat(account.version).isEqualTo(2L);
            recorder.assertStatements(ACCOUNT_SELECT + " WHERE account.code = ? FOR UPDATE");
            account.balance = account.balance.add(BigDecimal.ONE);
            session.commit();                       // no StaleDataException: the version came with the lock
            assertThat(session.get(Account.class, "Z", RowLock.UPDATE)).isNull();
        }
    }

    /** An object with unflushed changes keeps them when a locking query returns it (autoflush off). */
    @Test
    void aLockingQueryDoesNotOverwriteUnflushedChanges() {
        try (Session session = sessions.open()) {
            session.autoflush(false);
            Account account = session.get(Account.class, "B");
            account.balance = new BigDecimal("7.00");
            session.scalars(select(Account.class).where(CODE.eq("B")).forUpdate()).all();
            assertThat(account.balance).isEqualByComparingTo("7.00");
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Account.class, "B").balance).isEqualByComparingTo("7.00");
        }
    }

    /** Mirrors test_mysql/test_for_update.py::test_basic_lock: a second session waits until the first commits. */
    @Test
    void aSecondSessionWaitsForTheLockAndThenReadsTheCommittedRow() throws Exception {
        requires(Feature.ROW_LOCKS);
        try (Session first = sessions.open()) {
            Account mine = first.get(Account.class, "A", RowLock.UPDATE);
            Future<BigDecimal> theirs = other.submit(() -> {
                try (Session second = sessions.open()) {
                    Account account = second.get(Account.class, "A", RowLock.UPDATE);
                    BigDecimal seen = account.balance;
                    account.balance = seen.add(BigDecimal.ONE);
                    second.commit();
                    return seen;
                }
            });
            assertThatThrownBy(() -> theirs.get(700, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            mine.balance = mine.balance.add(BigDecimal.TEN);
            first.commit();
            // The waiting session read the row as the first left it: no lost update, no StaleDataException.
            assertThat(theirs.get(20, TimeUnit.SECONDS)).isEqualByComparingTo("110.00");
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Account.class, "A").balance).isEqualByComparingTo("111.00");
        }
    }

    /** Mirrors test_lockmode.py::test_postgres_read_nowait (run, not compiled): NOWAIT fails at once. */
    @Test
    void nowaitFailsAtOnceWithLockNotAvailable() throws Exception {
        requires(Feature.ROW_LOCKS);
        try (Session first = sessions.open()) {
            first.scalars(select(Account.class).where(CODE.eq("A")).forUpdate()).all();
            long start = System.nanoTime();
            Future<Account> theirs = other.submit(() -> {
                try (Session second = sessions.open()) {
                    return second.get(Account.class, "A", RowLock.UPDATE.nowait());
                }
            });
            assertThatThrownBy(() -> theirs.get(20, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(LockNotAvailableException.class).hasMessageContaining("skipLocked()");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
            first.commit();
        }
    }

    /** Mirrors test_lockmode.py::test_postgres_update_skip_locked, run: SKIP LOCKED passes over the locked row. */
    @Test
    void skipLockedLeavesLockedRowsOut() throws Exception {
        requires(Feature.ROW_LOCKS);
        try (Session first = sessions.open()) {
            first.get(Account.class, "A", RowLock.UPDATE);
            Future<List<String>> theirs = other.submit(() -> {
                try (Session second = sessions.open()) {
                    List<String> codes = second.scalars(select(Account.class).orderBy(CODE)
                            .forUpdate(ForUpdate.SKIP_LOCKED)).all().stream().map(account -> account.code).toList();
                    assertThat(second.get(Account.class, "A", RowLock.UPDATE.skipLocked())).isNull();
                    return codes;
                }
            });
            assertThat(theirs.get(20, TimeUnit.SECONDS)).containsExactly("B", "C");
            first.commit();
        }
    }

    /** Two shared locks on one row coexist; an exclusive NOWAIT lock then fails. H2 has no shared row lock. */
    @Test
    void sharedLocksCoexistButBlockAnExclusiveOne() throws Exception {
        requires(Feature.ROW_LOCKS);
        assumeFalse(backend.is("h2"), "H2 renders a shared lock as FOR UPDATE");
        try (Session first = sessions.open()) {
            first.scalars(select(Account.class).where(CODE.eq("A")).forShare()).all();
            Future<Integer> shared = other.submit(() -> {
                try (Session second = sessions.open()) {
                    return second.scalars(select(Account.class).where(CODE.eq("A"))
                            .lock(RowLock.SHARE.nowait())).all().size();
                }
            });
            assertThat(shared.get(20, TimeUnit.SECONDS)).isEqualTo(1);
            Future<Account> exclusive = other.submit(() -> {
                try (Session second = sessions.open()) {
                    return second.get(Account.class, "A", RowLock.UPDATE.nowait());
                }
            });
            assertThatThrownBy(() -> exclusive.get(20, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(LockNotAvailableException.class);
            first.commit();
        }
    }

    /**
     * Mirrors test_lockmode.py::BackendTest::test_outer_joinedload_wo_limit: PostgreSQL refuses FOR UPDATE on the
     * nullable side of an outer join, so a locking query that join-loads a relationship locks its own table (OF).
     */
    @Test
    void joinedLoadUnderALockLocksTheQueriedTableOnly() {
        try (Session session = sessions.open()) {
            Artist nina = new Artist("Nina");
            nina.with(new Album("Wild Is the Wind"));
            session.addAll(List.of(nina, new Artist("Solo")));
            session.commit();
            recorder.clear();
            List<Artist> artists = session.scalars(select(Artist.class).options(joinedLoad("albums")).forUpdate())
                    .all();
            assertThat(artists).extracting(artist -> artist.albums.size()).containsExactlyInAnyOrder(1, 0);
            String lock = switch (backend.name()) {
                case "postgresql" -> " FOR UPDATE OF artist";
                case "sqlite" -> "";
                default -> " FOR UPDATE";   // no OF there: the rows of both tables are locked
            };
            assertThat(recorder.sql()).hasSize(1);
            assertThat(recorder.sql().get(0)).startsWith("SELECT artist.id").contains("LEFT OUTER JOIN album AS album_1")
                    .endsWith("ORDER BY artist.id, album_1.title, album_1.id" + lock);
            session.commit();
        }
    }
}
