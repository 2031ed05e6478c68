package io.mapper.orm.relations;

import static io.mapper.orm.Orm.delete;
import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.Attribute;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SynchronizeSession;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * ORM bulk UPDATE and DELETE with the session synchronised by evaluation, by fetching keys, or not at all. Mirrors
 * SQLAlchemy's test/orm/dml/test_orm_upd_del_basic.py (UpdateDeleteTest: test_update, test_delete,
 * test_delete_rollback, test_evaluate_invalid, test_update_w_unevaluatable_value_evaluate).
 */
class BulkWriteIT extends BackendTest {

    private static final TableClause OWNER = Attribute.table("owner");
    private static final TableClause MAIL = Attribute.table("mail");
    private static final Attribute<Owner, Long> OWNER_ID = Attribute.of(Owner.class, "id", OWNER, "id", Types.BIGINT);
    private static final Attribute<Owner, String> OWNER_NAME = Attribute.of(Owner.class, "name", OWNER, "name",
            Types.string(30));
    private static final Attribute<Mail, String> MAIL_EMAIL = Attribute.of(Mail.class, "email", MAIL, "email",
            Types.string(60));

    private SessionFactory sessions;

    @BeforeEach
    void createOwners() {
        sessions = SessionFactory.builder(engine()).entities(Owner.class, Mail.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Owner ann = new Owner("ann");
            ann.mails.add(new Mail("ann@home.example"));
            ann.mails.add(new Mail("ann@work.example"));
            session.addAll(List.of(ann, new Owner("bob"), new Owner("cy")));
            session.commit();
        }
        recorder.clear();
    }

    /** Mirrors test_update (evaluate): the matched objects take the new value with no SELECT, others are untouched. */
    @Test
    void evaluateUpdatesTheMatchedObjectsInMemory() {
        try (Session session = sessions.open()) {
            List<Owner> owners = session.scalars(select(Owner.class).orderBy(OWNER_ID)).all();
            recorder.clear();
            long rows = session.execute(update(Owner.class).set(OWNER_NAME, "someone")
                    .where(Sql.or(OWNER_NAME.eq("ann"), OWNER_NAME.in("cy", "dee"))));
            assertThat(rows).isEqualTo(2);
            recorder.assertStatements("UPDATE owner SET name = ? WHERE owner.name = ? OR owner.name IN (?, ?)");
            assertThat(owners).extracting(owner -> owner.name).containsExactly("someone", "bob", "someone");
            assertThat(session.isModified(owners.get(0))).isFalse();     // the new value is the snapshot too
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("UPDATE"));
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(Owner.class).filterBy("name", "someone").count()).isEqualTo(2);
        }
    }

    /** Mirrors test_update (fetch): the keys are SELECTed first. */
    @Test
    void fetchSelectsTheMatchingKeysFirst() {
        try (Session session = sessions.open()) {
            Owner bob = session.query(Owner.class).filterBy("name", "bob").one();
            recorder.clear();
            session.execute(update(Owner.class).set(OWNER_NAME, "robert").where(OWNER_NAME.startsWith("b"))
                    .synchronizeSession(SynchronizeSession.FETCH));
            recorder.assertStatements("SELECT owner.id FROM owner WHERE owner.name LIKE ? ESCAPE '/'",
                    "UPDATE owner SET name = ? WHERE owner.name LIKE ? ESCAPE '/'");
            assertThat(bob.name).isEqualTo("robert");
        }
    }

    /** NONE leaves loaded objects stale; a refresh shows the row. */
    @Test
    void noneLeavesTheSessionsObjectsAsTheyAre() {
        try (Session session = sessions.open()) {
            Owner bob = session.query(Owner.class).filterBy("name", "bob").one();
            recorder.clear();
            session.execute(update(Owner.class).set(OWNER_NAME, "robert").where(OWNER_NAME.eq("bob"))
                    .synchronizeSession(SynchronizeSession.NONE));
            recorder.assertStatements("UPDATE owner SET name = ? WHERE owner.name = ?");
            assertThat(bob.name).isEqualTo("bob");
            session.refresh(bob);
            assertThat(bob.name).isEqualTo("robert");
        }
    }

    /** Mirrors test_evaluate_invalid: criteria Java cannot evaluate raise before anything runs. */
    @Test
    void evaluateRefusesCriteriaItCannotEvaluate() {
        try (Session session = sessions.open()) {
            session.query(Owner.class).all();
            recorder.clear();
            assertThatThrownBy(() -> session.execute(update(Owner.class).set(OWNER_NAME, "x")
                    .where(OWNER_NAME.startsWith("a")))).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("SynchronizeSession.FETCH");
            assertThat(recorder.sql()).isEmpty();
        }
    }

    /** Mirrors test_update_w_unevaluatable_value_evaluate: a SET expression expires the matched objects. */
    @Test
    void anExpressionValueExpiresTheMatchedObjects() {
        try (Session session = sessions.open()) {
            Owner ann = session.query(Owner.class).filterBy("name", "ann").one();
            session.execute(update(Owner.class).set(OWNER_NAME, OWNER_NAME.concat("!"))
                    .where(OWNER_NAME.eq("ann")));
            assertThat(session.get(Owner.class, ann.id)).isSameAs(ann);   // reloaded: it was expired
            assertThat(ann.name).isEqualTo("ann!");
        }
    }

    /** Mirrors test_delete and test_delete_rollback: deleted objects leave the session, a rollback brings them back. */
    @Test
    void deleteRemovesTheMatchedObjectsAndARollbackRestoresThem() {
        try (Session session = sessions.open()) {
            List<Mail> mails = session.scalars(select(Mail.class).orderBy(MAIL_EMAIL)).all();
            recorder.clear();
            long rows = session.execute(delete(Mail.class).where(MAIL_EMAIL.eq("ann@work.example")));
            assertThat(rows).isEqualTo(1);
            recorder.assertStatements("DELETE FROM mail WHERE mail.email = ?");
            assertThat(session.contains(mails.get(1))).isFalse();
            assertThat(session.contains(mails.get(0))).isTrue();
            session.rollback();
            assertThat(session.contains(mails.get(1))).isTrue();
            assertThat(session.scalars(select(Mail.class)).all()).hasSize(2);

            session.execute(delete(Mail.class).where(MAIL_EMAIL.endsWith("@home.example"))
                    .synchronizeSession(SynchronizeSession.FETCH));
            assertThat(session.contains(mails.get(0))).isFalse();
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Mail.class)).all()).extracting(mail -> mail.email)
                    .containsExactly("ann@work.example");
        }
    }
}
