package io.mapper.orm;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.lifecycle.Member;
import io.mapper.orm.mapping.ValidationException;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Entity life-cycle methods, listener callbacks, {@code @Validates} validators and Bean Validation, on every backend.
 * Mirrors SQLAlchemy's test/orm/test_events.py (MapperEventsTest::test_basic, LoadTest) and
 * test/orm/test_validators.py (ValidatorTest::test_scalar).
 */
class LifecycleIT extends BackendTest {

    private static final TableClause MEMBER = Attribute.table("member");
    private static final Attribute<Member, String> EMAIL = Attribute.of(Member.class, "email", MEMBER, "email",
            Types.string(80));

    private SessionFactory sessions;
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

    /** A listener that writes what it hears into the member's own event list, so the order shows. */
    private final SessionListener listener = new SessionListener() {
        @Override
        public void beforeInsert(Object entity) {
            note(entity, "listener.beforeInsert");
        }

        @Override
        public void afterInsert(Object entity) {
            note(entity, "listener.afterInsert");
        }

        @Override
        public void beforeUpdate(Object entity) {
            note(entity, "listener.beforeUpdate");
        }

        @Override
        public void afterUpdate(Object entity) {
            note(entity, "listener.afterUpdate");
        }

        @Override
        public void beforeDelete(Object entity) {
            note(entity, "listener.beforeDelete");
        }

        @Override
        public void afterDelete(Object entity) {
            note(entity, "listener.afterDelete");
        }

        @Override
        public void afterLoad(Object entity) {
            note(entity, "listener.afterLoad");
        }

        private void note(Object entity, String event) {
            ((Member) entity).events.add(event);
            heard.add(event);
        }
    };

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Member.class).listener(listener).build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    /** Mirrors test_events.py::MapperEventsTest::test_basic: insert, refresh/load, update, delete, in order. */
    @Test
    void entityMethodsAndListenersHearEveryWriteInOrder() {
        try (Session session = sessions.open()) {
            Member ann = new Member("ann", "ann@example.com");
            session.add(ann);
            session.flush();
            assertThat(ann.events).containsExactly("validate email", "audited.beforeInsert", "beforeInsert",
                    "listener.beforeInsert", "afterInsert", "listener.afterInsert");
            assertThat(ann.keyAfterInsert).isTrue();
            assertThat(ann.revision).isEqualTo(1);
            session.commit();                   // expires ann

            ann.events.clear();
            assertThat(session.get(Member.class, ann.id)).isSameAs(ann);   // expired: reloaded
            assertThat(ann.events).containsExactly("afterLoad", "listener.afterLoad");

            ann.events.clear();
            ann.name = "anne";
            recorder.clear();
            session.flush();
            assertThat(ann.events).containsExactly("audited.beforeUpdate", "beforeUpdate", "listener.beforeUpdate",
                    "afterUpdate", "listener.afterUpdate");
            // the superclass's @BeforeUpdate change is written with the user's
            recorder.assertStatements("UPDATE member SET revision = ?, name = ? WHERE member.id = ?");

            ann.events.clear();
            session.delete(ann);
            session.flush();
            assertThat(ann.events).containsExactly("beforeDelete", "listener.beforeDelete", "afterDelete",
                    "listener.afterDelete");
            session.commit();
        }
    }

    /** Mirrors test_events.py::LoadTest::test_just_loaded: load fires once per object a query builds. */
    @Test
    void afterLoadRunsForEachObjectAQueryBuildsButNotForIdentityMapHits() {
        try (Session session = sessions.open()) {
            session.addAll(List.of(new Member("ann", null), new Member("bob", null)));
            session.commit();
        }
        heard.clear();
        try (Session session = sessions.open()) {
            List<Member> members = session.scalars(select(Member.class)).all();
            assertThat(members).allSatisfy(member -> assertThat(member.events)
                    .containsExactly("afterLoad", "listener.afterLoad"));
            session.get(Member.class, members.get(0).id);          // from the identity map: no load
            session.scalars(select(Member.class)).all();             // rows for objects already loaded: no load
            assertThat(heard).containsExactly("listener.afterLoad", "listener.afterLoad");
        }
    }

    /** Mirrors test_validators.py::ValidatorTest::test_scalar: the validator's return value is what is written. */
    @Test
    void aValidatorNormalisesTheValueBeforeItIsWritten() {
        try (Session session = sessions.open()) {
            Member ann = new Member("ann", "  Ann@Example.COM ");
            session.add(ann);
            session.commit();
            assertThat(ann.email).isEqualTo("ann@example.com");
        }
        try (Session session = sessions.open()) {
            assertThat(session.execute(Sql.select(EMAIL)).scalar(String.class))
                    .isEqualTo("ann@example.com");
        }
    }

    @Test
    void aFailingValidatorNamesObjectAndPropertyWritesNothingAndLeavesTheSessionUsable() {
        try (Session session = sessions.open()) {
            Member fred = new Member("fred", null);
            session.add(fred);
            assertThatThrownBy(session::flush).isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("A new Member is not valid, so the flush wrote nothing: name: fred is "
                            + "reserved (checkName).")
                    .satisfies(e -> assertThat(((ValidationException) e).violations())
                            .extracting(ValidationException.Violation::property).containsExactly("name"));
            assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("INSERT"));
            fred.name = "frederick";
            session.commit();                                         // no rollback needed

            fred.email = "fred@example.invalid";
            assertThatThrownBy(session::commit).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("Member(" + fred.id + ") is not valid")
                    .hasMessageContaining("email: the example.invalid domain is not accepted")
                    .hasMessageNotContaining("fred@example.invalid");
            fred.email = "fred@example.com";
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Member.class, 1L).email).isEqualTo("fred@example.com");
        }
    }

    @Test
    void beanValidationRunsBeforeTheFlushWhenOnTheClassPath() {
        try (Session session = sessions.open()) {
            Member bad = new Member(" ", "not-an-address");
            bad.points = -1;
            session.add(bad);
            assertThatThrownBy(session::flush).isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("A new Member is not valid")
                    .satisfies(e -> assertThat(((ValidationException) e).violations())
                            .extracting(ValidationException.Violation::property)
                            .containsExactly("email", "name", "points"));
            assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("INSERT"));
            session.expunge(bad);
            session.add(new Member("ann", "ann@example.com"));
            session.commit();
        }
        SessionFactory unchecked = SessionFactory.builder(engine()).entities(Member.class).beanValidation(false)
                .build();
        try (Session session = unchecked.open()) {
            session.add(new Member(" ", "not-an-address"));
            session.commit();
            assertThat(session.query(Member.class).count()).isEqualTo(2);
        }
    }
}
