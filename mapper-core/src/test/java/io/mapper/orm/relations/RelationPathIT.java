package io.mapper.orm.relations;

import static io.mapper.orm.Orm.select;
import static io.mapper.sql.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.Attribute;
import io.mapper.orm.Relation;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.Tuple;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Relationships in the metamodel: a reference's foreign-key attribute ({@code Mail_.owner.key()}, generated as
 * {@code Mail_.ownerId}), relationship paths in {@code filterBy}, and references in ORDER BY and GROUP BY through their
 * key. Mirrors SQLAlchemy's test/orm/test_query.py::FilterTest (test_filter_by_many_to_one /
 * test_filter_by_one_to_many "contains", test_many_to_one_filter, test_has, test_any) and
 * test/orm/test_query.py::FilterTest::test_filter_by_tables.
 */
class RelationPathIT extends BackendTest {

    private static final TableClause MAIL = Attribute.table("mail");
    private static final Attribute<Mail, String> MAIL_EMAIL = Attribute.of(Mail.class, "email", MAIL, "email",
            Types.string(60));
    private static final Attribute<Mail, Long> MAIL_ID = Attribute.of(Mail.class, "id", MAIL, "id", Types.BIGINT);
    private static final Relation<Mail, Owner> MAIL_OWNER = Relation.of(Mail.class, "owner", Owner.class);
    private static final Relation<Owner, Mail> OWNER_MAILS = Relation.of(Owner.class, "mails", Mail.class);
    private static final String MAIL_SELECT = "SELECT mail.id, mail.email, mail.owner_id FROM mail";

    private SessionFactory sessions;
    private Owner ann;

    @BeforeEach
    void createOwnersAndMails() {
        sessions = SessionFactory.builder(engine()).entities(Owner.class, Mail.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            ann = new Owner("ann");
            ann.mails.add(new Mail("ann@home.example"));
            ann.mails.add(new Mail("ann@work.example"));
            Owner bob = new Owner("bob");
            bob.mails.add(new Mail("bob@work.example"));
            session.addAll(List.of(ann, bob, new Owner("cy")));
            session.commit();
        }
        recorder.clear();
    }

    /** The foreign-key attribute at run time: the same column the generated Mail_.ownerId names. */
    @Test
    void referencesHaveAForeignKeyAttribute() {
        Attribute<Mail, Object> key = MAIL_OWNER.key();
        assertThat(key.name()).isEqualTo("owner_id");
        assertThat(key.property()).isEqualTo("owner.id");
        assertThat(key.table().name()).isEqualTo("mail");
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Mail.class).where(key.eq(ann.id)).orderBy(MAIL_EMAIL)).all())
                    .extracting(mail -> mail.email).containsExactly("ann@home.example", "ann@work.example");
        }
        assertThatThrownBy(OWNER_MAILS::key).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Owner.mails is a collection");
    }

    /** Mirrors test_filter_by_many_to_one: a reference compared with an object (or its key) by foreign key. */
    @Test
    void filterByAReferenceComparesTheForeignKey() {
        try (Session session = sessions.open()) {
            Owner loaded = session.get(Owner.class, ann.id);
            recorder.clear();
            assertThat(session.query(Mail.class).filterBy("owner", loaded).orderBy(MAIL_EMAIL).all())
                    .extracting(mail -> mail.email).containsExactly("ann@home.example", "ann@work.example");
            assertThat(recorder.sql().get(0)).isEqualTo(MAIL_SELECT + " WHERE mail.owner_id = ? ORDER BY mail.email");
            assertThat(session.query(Mail.class).filterBy(MAIL_OWNER, ann.id).count()).isEqualTo(2);
            assertThat(session.query(Mail.class).filterBy("owner", null).count()).isZero();
        }
    }

    /** Mirrors test_has and test_any: a path into the related entity is an EXISTS over it. */
    @Test
    void filterByAPathIsAnExistsOverTheRelatedEntity() {
        try (Session session = sessions.open()) {
            assertThat(session.query(Mail.class).filterBy("owner.name", "bob").all()).extracting(mail -> mail.email)
                    .containsExactly("bob@work.example");
            assertThat(recorder.sql().get(0)).isEqualTo(MAIL_SELECT + " WHERE EXISTS (SELECT ? FROM owner WHERE "
                    + "owner.id = mail.owner_id AND owner.name = ?)");
            assertThat(session.query(Owner.class).filterBy("mails.email", "ann@work.example").one().name)
                    .isEqualTo("ann");
            assertThat(recorder.sql().get(recorder.sql().size() - 2)).contains("WHERE EXISTS (SELECT ? FROM mail "
                    + "WHERE mail.owner_id = owner.id AND mail.email = ?)");
        }
    }

    /** Mirrors test_filter_by_one_to_many ("contains"): a collection compared with one of its elements. */
    @Test
    void filterByACollectionMeansContains() {
        try (Session session = sessions.open()) {
            Mail work = session.query(Mail.class).filterBy("email", "bob@work.example").one();
            assertThat(session.query(Owner.class).filterBy(OWNER_MAILS, work).one().name).isEqualTo("bob");
            assertThatThrownBy(() -> session.query(Owner.class).filterBy("mails", null))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("any()");
            assertThatThrownBy(() -> session.query(Owner.class).filterBy("nothing", 1))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("[mails]");
        }
    }

    /** A reference in ORDER BY and GROUP BY stands for its foreign key. */
    @Test
    void referencesOrderAndGroupByTheirKey() {
        try (Session session = sessions.open()) {
            List<Mail> mails = session.scalars(select(Mail.class).orderBy(MAIL_OWNER, MAIL_EMAIL)).all();
            assertThat(mails).extracting(mail -> mail.email)
                    .containsExactly("ann@home.example", "ann@work.example", "bob@work.example");
            assertThat(recorder.sql().get(0)).isEqualTo(MAIL_SELECT + " ORDER BY mail.owner_id, mail.email");
            List<Tuple> perOwner = session.tuples(select(MAIL_OWNER.key(), count(MAIL_ID))
                    .groupBy(MAIL_OWNER).orderBy(MAIL_OWNER));
            assertThat(perOwner).extracting(row -> ((Number) row.get(0, Object.class)).longValue(),
                    row -> row.get(1, Long.class))
                    .containsExactly(tuple(ann.id, 2L), tuple(ann.id + 1, 1L));
            assertThat(recorder.sql().get(recorder.sql().size() - 1)).isEqualTo("SELECT mail.owner_id, COUNT(mail.id) "
                    + "FROM mail GROUP BY mail.owner_id ORDER BY mail.owner_id");
        }
    }
}
