package io.mapper.orm.relations;

import static io.mapper.orm.Orm.select;
import static io.mapper.sql.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.Attribute;
import io.mapper.orm.Relation;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.Tuple;
import io.mapper.orm.Tuple2;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * ORM queries of several entities and values: {@code select(Owner.class, Mail.class)},
 * {@code select(Owner.class, count(Mail_.id))} with GROUP BY/HAVING, DISTINCT, outer joins. Mirrors SQLAlchemy's
 * test/orm/test_froms.py::MixedEntitiesTest (test_multi_mappers, test_aggregate_w_group_by, test_values_w_aggregate)
 * and test/orm/test_query.py's identity-map rules for rows of several entities.
 */
class TupleQueryIT extends BackendTest {

    private static final Relation<Owner, Mail> OWNER_MAILS = Relation.of(Owner.class, "mails", Mail.class);
    private static final Relation<Mail, Owner> MAIL_OWNER = Relation.of(Mail.class, "owner", Owner.class);
    private static final TableClause OWNER = Attribute.table("owner");
    private static final TableClause MAIL = Attribute.table("mail");
    private static final Attribute<Owner, String> OWNER_NAME = Attribute.of(Owner.class, "name", OWNER, "name",
            Types.string(30));
    private static final Attribute<Mail, Long> MAIL_ID = Attribute.of(Mail.class, "id", MAIL, "id", Types.BIGINT);
    private static final Attribute<Mail, String> MAIL_EMAIL = Attribute.of(Mail.class, "email", MAIL, "email",
            Types.string(60));
    private static final String OWNER_AND_MAIL = "SELECT owner.id, owner.name, mail.id, mail.email, mail.owner_id "
            + "FROM owner";

    private SessionFactory sessions;

    @BeforeEach
    void createOwnersAndMails() {
        sessions = SessionFactory.builder(engine()).entities(Owner.class, Mail.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Owner ann = new Owner("ann");
            ann.mails.add(new Mail("ann@home.example"));
            ann.mails.add(new Mail("ann@work.example"));
            Owner bob = new Owner("bob");
            session.addAll(List.of(ann, bob));
            session.commit();
        }
        recorder.clear();
    }

    /** Mirrors test_froms.py::MixedEntitiesTest::test_multi_mappers: both entities from one row, identity-mapped. */
    @Test
    void twoEntitiesPerRowAreTheSessionsInstances() {
        try (Session session = sessions.open()) {
            Owner ann = session.get(Owner.class, 1L);
            ann.name = "ann (unflushed)";
            session.autoflush(false);
            recorder.clear();
            List<Tuple2<Owner, Mail>> rows = session.tuples(select(Owner.class, Mail.class).join(OWNER_MAILS)
                    .orderBy(MAIL_EMAIL));
            assertThat(rows).extracting(row -> row.first().name, row -> row.second().email).containsExactly(
                    tuple("ann (unflushed)", "ann@home.example"), tuple("ann (unflushed)", "ann@work.example"));
            assertThat(rows.get(0).first()).isSameAs(ann).isSameAs(rows.get(1).first());
            assertThat(rows.get(0).second().owner).isSameAs(ann);
            assertThat(rows.get(1).second()).isSameAs(session.get(Mail.class, rows.get(1).second().id));
            // ann was in the session (not reloaded), the mails are new: their owner comes from the identity map
            recorder.assertStatements(OWNER_AND_MAIL + " JOIN mail ON mail.owner_id = owner.id ORDER BY mail.email");
        }
    }

    /** An entity loaded by a tuple query gets its relationships as the mappings say (mails: SELECT ... IN). */
    @Test
    void entitiesLoadedByATupleQueryHaveTheirRelationshipsLoaded() {
        try (Session session = sessions.open()) {
            List<Tuple2<Owner, String>> rows = session.tuples(select(Owner.class, MAIL_EMAIL).join(OWNER_MAILS)
                    .orderBy(MAIL_EMAIL));
            assertThat(rows).extracting(Tuple2::second).containsExactly("ann@home.example", "ann@work.example");
            assertThat(rows.get(0).first().mails).extracting(mail -> mail.email)
                    .containsExactly("ann@home.example", "ann@work.example");
            assertThat(recorder.sql()).hasSize(2);
            assertThat(recorder.sql().get(1)).startsWith("SELECT mail.id, mail.email, mail.owner_id FROM mail WHERE "
                    + "mail.owner_id IN (");
        }
    }

    /** Mirrors test_froms.py::MixedEntitiesTest::test_aggregate_w_group_by: an entity with a count per entity. */
    @Test
    void anEntityWithAnAggregateGroupedByTheEntity() {
        try (Session session = sessions.open()) {
            List<Tuple2<Owner, Long>> rows = session.tuples(select(Owner.class, count(MAIL_ID))
                    .outerJoin(OWNER_MAILS).groupBy(Owner.class).orderBy(OWNER_NAME));
            assertThat(rows).extracting(row -> row.first().name, Tuple2::second)
                    .containsExactly(tuple("ann", 2L), tuple("bob", 0L));
            recorder.clear();
            List<Tuple2<Owner, Long>> busy = session.tuples(select(Owner.class, count(MAIL_ID)).join(OWNER_MAILS)
                    .groupBy(Owner.class).having(count(MAIL_ID).gt(1L)));
            assertThat(busy).extracting(row -> row.first().name).containsExactly("ann");
            assertThat(busy.get(0).first()).isSameAs(rows.get(0).first());
            recorder.assertStatements("SELECT owner.id, owner.name, count(mail.id) FROM owner "
                    + "JOIN mail ON mail.owner_id = owner.id GROUP BY owner.id, owner.name HAVING count(mail.id) > ?");
        }
    }

    /** Mirrors test_froms.py::MixedEntitiesTest::test_outer_join_w_none: an outer-joined entity without a row. */
    @Test
    void anOuterJoinedEntityWithoutARowIsNull() {
        try (Session session = sessions.open()) {
            List<Tuple2<Owner, Mail>> rows = session.tuples(select(Owner.class, Mail.class).outerJoin(OWNER_MAILS)
                    .orderBy(OWNER_NAME, MAIL_EMAIL));
            assertThat(rows).extracting(row -> row.first().name, row -> row.second() == null ? null
                    : row.second().email).containsExactly(tuple("ann", "ann@home.example"),
                    tuple("ann", "ann@work.example"), tuple("bob", null));
        }
    }

    @Test
    void distinctAndSeveralItemsAsATuple() {
        try (Session session = sessions.open()) {
            List<Tuple2<Owner, String>> owners = session.tuples(select(Owner.class, OWNER_NAME).join(OWNER_MAILS)
                    .distinct().orderBy(OWNER_NAME));
            assertThat(owners).extracting(Tuple2::second).containsExactly("ann");
            assertThat(recorder.sql().get(0)).startsWith("SELECT DISTINCT owner.id, owner.name, owner.name FROM owner");
            List<Tuple> rows = session.tuples(select(Mail.class, Owner.class, MAIL_EMAIL).join(MAIL_OWNER)
                    .orderBy(MAIL_EMAIL).limit(1));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(Owner.class)).isSameAs(owners.get(0).first());
            assertThat(rows.get(0).get(2, String.class)).isEqualTo("ann@home.example");
            assertThat(rows.get(0).get(0, Mail.class).owner).isSameAs(owners.get(0).first());
        }
    }

    /** Mirrors test_query.py::HavingTest::test_having: entities filtered by an aggregate of their joined rows. */
    @Test
    void anEntityQueryGroupedByTheEntityWithHaving() {
        try (Session session = sessions.open()) {
            List<Owner> owners = session.scalars(select(Owner.class).outerJoin(OWNER_MAILS).groupBy(Owner.class)
                    .having(count(MAIL_ID).lt(1L))).all();
            assertThat(owners).extracting(owner -> owner.name).containsExactly("bob");
            assertThat(recorder.sql().get(0)).isEqualTo("SELECT owner.id, owner.name FROM owner LEFT OUTER JOIN mail "
                    + "ON mail.owner_id = owner.id GROUP BY owner.id, owner.name HAVING COUNT(mail.id) < ?");
        }
    }
}
