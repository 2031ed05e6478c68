package io.mapper.orm;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.IntegrityException;
import io.mapper.exception.PendingRollbackException;
import io.mapper.orm.model.Account;
import io.mapper.orm.model.Address;
import io.mapper.orm.model.Voucher;
import io.mapper.orm.model.User;
import io.mapper.sql.Operation;
import io.mapper.testing.BackendTest;

/** Batching, failure handling and optimistic locking of the flush, on every backend. */
class FlushIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(User.class, Address.class, Account.class)
                .batchSize(500).build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    @Test
    void tenThousandObjectsFlushInRoundTripsBoundedByTheBatchSize() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            users.add(new User("user" + i, "User Number " + i));
        }
        try (Session session = sessions.open()) {
            session.addAll(users);
            session.commit();
        }
        long inserts = recorder.sql().stream().filter(sql -> sql.contains("INSERT INTO")).count();
        // 10,000 rows in batches of 500: 20 statements or JDBC batches, whichever way keys come back.
        assertThat(inserts).isEqualTo(20);
        assertThat(users).extracting(User::getId).doesNotContainNull().doesNotHaveDuplicates();
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).count()).isEqualTo(10_000);
            User sample = session.query(User.class).filterBy("name", "user4321").one();
            assertThat(sample.getId()).isEqualTo(users.get(4321).getId());
            assertThat(sample.getFullname()).isEqualTo("User Number 4321");
        }
    }

    @Test
    void objectsOfOnlyAGeneratedKeyAreInsertedOneDefaultRowEach() {
        SessionFactory tickets = SessionFactory.builder(engine()).entities(Voucher.class).build();
        tickets.metadata().createAll(engine());
        List<Voucher> issued = List.of(new Voucher(), new Voucher(), new Voucher());
        try (Session session = tickets.open()) {
            session.addAll(issued);
            session.commit();
        }
        assertThat(issued).extracting(Voucher::getId).doesNotContainNull().doesNotHaveDuplicates();
        try (Session session = tickets.open()) {
            assertThat(session.query(Voucher.class).count()).isEqualTo(3);
        }
    }

    @Test
    void updatesAreBatchedAndSetOnlyChangedColumns() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            users.add(new User("u" + i, "Full " + i));
        }
        try (Session session = sessions.open()) {
            session.addAll(users);
            session.commit();
            for (User user : session.query(User.class).all()) {
                user.setFullname(user.getFullname() + " (updated)");
            }
            recorder.clear();
            session.commit();
        }
        assertThat(recorder.sql()).allSatisfy(sql -> assertThat(sql)
                .isEqualTo("UPDATE user_account SET fullname = ? WHERE user_account.id = ?"));
        assertThat(recorder.statements()).extracting(io.mapper.testing.SqlRecorder.Recorded::batchSize)
                .containsExactly(500, 500, 200);
    }

    @Test
    void failedFlushCommitsNothingAndDemandsRollbackThenWorksAgain() {
        try (Session session = sessions.open()) {
            session.add(new User("sandy", "Sandy Cheeks"));
            session.commit();
        }
        User patrick = new User("patrick", "Patrick Star");
        User duplicate = new User("sandy", "Another Sandy");
        try (Session session = sessions.open()) {
            session.addAll(List.of(patrick, duplicate));
            assertThatThrownBy(session::commit).isInstanceOf(IntegrityException.class);
            assertThatThrownBy(() -> session.query(User.class).all())
                    .isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("session.rollback()")
                    .hasMessageContaining("IntegrityException");
            session.rollback();
            // Added in the rolled-back transaction, so transient again (SQLAlchemy's test_transaction.py::
            // test_rollback_recover), without the keys the failed flush may have assigned.
            assertThat(session.state(patrick)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(duplicate)).isEqualTo(EntityState.TRANSIENT);
            assertThat(patrick.getId()).isNull();
            assertThat(duplicate.getId()).isNull();
            session.commit();
            assertThat(patrick.getId()).isNull();    // the rolled-back work is never written
            session.add(patrick);
            session.commit();
            assertThat(patrick.getId()).isNotNull();
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).orderBy(User.NAME).all()).extracting(User::getName)
                    .containsExactly("patrick", "sandy");
        }
    }

    @Test
    void rollbackAfterAnEarlierSuccessfulFlushRestoresEverything() {
        User sandy = new User("sandy", "Sandy Cheeks");
        try (Session session = sessions.open()) {
            session.add(sandy);
            session.flush();
            assertThat(session.state(sandy)).isEqualTo(EntityState.PERSISTENT);
            session.rollback();
            assertThat(session.state(sandy)).isEqualTo(EntityState.TRANSIENT);
            assertThat(sandy.getId()).isNull();
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).count()).isZero();
        }
    }

    @Test
    void versionCatchesALostUpdate() {
        try (Session session = sessions.open()) {
            session.add(new Account("ACC-1", new BigDecimal("100.00")));
            session.commit();
        }
        try (Session first = sessions.open(); Session second = sessions.open()) {
            // The second user loads the account in one transaction and saves in a later one, as a web form does.
            Account theirs = second.get(Account.class, "ACC-1");
            second.commit();
            Account mine = first.get(Account.class, "ACC-1");
            assertThat(mine.version).isEqualTo(1);
            mine.balance = mine.balance.add(new BigDecimal("10"));
            first.commit();
            assertThat(mine.version).isEqualTo(2);
            theirs.balance = theirs.balance.subtract(new BigDecimal("50"));
            assertThatThrownBy(second::commit).isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("Account").hasMessageContaining("@Version");
            second.rollback();
        }
        try (Session session = sessions.open()) {
            Account stored = session.get(Account.class, "ACC-1");
            assertThat(stored.balance).isEqualByComparingTo("110.00");
            assertThat(stored.version).isEqualTo(2);
        }
    }

    @Test
    void aStaleRowInsideABatchIsCaught() {
        try (Session session = sessions.open()) {
            for (int i = 0; i < 5; i++) {
                session.add(new Account("B-" + i, BigDecimal.ONE));
            }
            session.commit();
        }
        try (Session first = sessions.open(); Session second = sessions.open()) {
            List<Account> theirs = second.query(Account.class).all();
            second.commit();
            Account mine = first.get(Account.class, "B-3");
            mine.balance = BigDecimal.TEN;
            first.commit();
            theirs.forEach(account -> account.balance = new BigDecimal("2"));
            assertThatThrownBy(second::commit).isInstanceOf(StaleDataException.class);
            second.rollback();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Account.class, "B-3").balance).isEqualByComparingTo("10");
            assertThat(session.get(Account.class, "B-0").balance).isEqualByComparingTo("1");
        }
    }

    @Test
    void updatesOfManyBatchesWriteEveryRowAndAStaleOneRollsBackTheEarlierBatches() {
        SessionFactory small = SessionFactory.builder(engine()).entities(Account.class).batchSize(2).build();
        try (Session session = small.open()) {
            for (int i = 0; i < 5; i++) {
                session.add(new Account("C-" + i, BigDecimal.ONE));
            }
            session.commit();
        }
        // Five changed rows in batches of two: three batches, each row's version and snapshot moved on.
        try (Session session = small.open()) {
            List<Account> accounts = session.query(Account.class).all();
            accounts.forEach(account -> account.balance = new BigDecimal("3"));
            recorder.clear();
            session.commit();
            assertThat(recorder.sql().stream().filter(sql -> sql.startsWith("UPDATE")).count()).isEqualTo(3);
            assertThat(accounts).extracting(account -> account.version).containsOnly(2L);
            recorder.clear();
            session.flush();    // every snapshot moved on with its batch: nothing is left to write
            assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("UPDATE"));
        }
        try (Session first = small.open(); Session second = small.open()) {
            List<Account> theirs = second.query(Account.class).all();
            second.commit();
            first.get(Account.class, "C-3").balance = BigDecimal.TEN;    // in the second batch of the next flush
            first.commit();
            theirs.forEach(account -> account.balance = new BigDecimal("4"));
            assertThatThrownBy(second::commit).isInstanceOf(StaleDataException.class);
            second.rollback();
            // The first batch was written in the failed transaction: the rollback undid it in the database and in
            // memory alike.
            assertThat(theirs).extracting(account -> account.version).containsOnly(2L);
        }
        try (Session session = small.open()) {
            assertThat(session.get(Account.class, "C-3").balance).isEqualByComparingTo("10");
            assertThat(session.get(Account.class, "C-0").balance).isEqualByComparingTo("3");
            assertThat(session.get(Account.class, "C-0").version).isEqualTo(2L);
            assertThat(session.get(Account.class, "C-4").balance).isEqualByComparingTo("3");
        }
    }

    @Test
    void versionedDeleteOfAChangedRowIsStale() {
        try (Session session = sessions.open()) {
            session.add(new Account("ACC-2", BigDecimal.ONE));
            session.commit();
        }
        try (Session first = sessions.open(); Session second = sessions.open()) {
            Account theirs = second.get(Account.class, "ACC-2");
            second.commit();
            Account mine = first.get(Account.class, "ACC-2");
            mine.balance = BigDecimal.TEN;
            first.commit();
            second.delete(theirs);
            assertThatThrownBy(second::commit).isInstanceOf(StaleDataException.class);
        }
    }

    @Test
    void parentsAreInsertedBeforeChildrenAndChildrenDeletedFirst() {
        try (Session session = sessions.open()) {
            User sandy = new User("sandy", "Sandy Cheeks");
            session.add(sandy);
            session.flush();
            Address address = new Address("sandy@example.com", sandy.getId());
            // Added in child-first order on purpose: the flush orders by foreign key anyway.
            recorder.clear();
            User gary = new User("gary", "Gary");
            session.add(new Address("other@example.com", sandy.getId()));
            session.add(gary);
            session.add(address);
            session.flush();
            assertThat(recorder.sql()).hasSize(2);
            assertThat(recorder.sql().get(0)).contains("INSERT INTO user_account");
            assertThat(recorder.sql().get(1)).contains("INSERT INTO address");
            recorder.clear();
            // Query first: with autoflush, a query after delete(sandy) would flush that DELETE on its own.
            List<Address> addresses = session.scalars(select(Address.class)).all();
            session.delete(sandy);
            addresses.forEach(session::delete);
            session.commit();
            List<String> deletes = recorder.sql().stream().filter(sql -> sql.startsWith("DELETE")).toList();
            assertThat(deletes).hasSize(2);
            assertThat(deletes.get(0)).startsWith("DELETE FROM address");
            assertThat(deletes.get(1)).startsWith("DELETE FROM user_account");
        }
    }

    @Test
    void statementsAreReportedAsOrmWithTheirEntity() {
        List<String> seen = new ArrayList<>();
        engine().addListener(new io.mapper.engine.StatementListener() {
            @Override
            public void beforeExecute(io.mapper.engine.ExecutionContext context) {
                seen.add(context.kind().tagValue() + " " + context.entityName() + " " + context.operation());
            }
        });
        try (Session session = sessions.open()) {
            session.add(new User("sandy", "Sandy Cheeks"));
            session.commit();
            session.query(User.class).all();
        }
        assertThat(seen).containsExactly("orm User " + Operation.INSERT, "orm User " + Operation.SELECT);
    }
}
