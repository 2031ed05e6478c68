package io.mapper.orm.relations;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.EntityState;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.testing.BackendTest;

/** The merge and refresh-expunge cascades (Owner.mails has ALL), on every backend. */
class CascadeIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void fill() {
        sessions = SessionFactory.builder(engine()).entities(Owner.class, Mail.class, Node.class, Item.class,
                Label.class, Basket.class, Line.class, Note.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Owner ann = new Owner("ann");
            ann.mails.add(new Mail("ann@one.example"));
            ann.mails.add(new Mail("ann@two.example"));
            session.add(ann);
            session.commit();
        }
    }

    @Test
    void mergeCascadesToTheCollectionAndKeepsReferencesOnTheSessionsInstances() {
        Owner detached;
        try (Session session = sessions.open()) {
            detached = session.scalars(select(Owner.class)).one();
        }
        detached.name = "ann (edited)";
        detached.mails.get(0).email = "ann@edited.example";
        detached.mails.remove(1);
        Mail added = new Mail("ann@three.example");
        added.owner = detached;
        detached.mails.add(added);
        try (Session session = sessions.open()) {
            Owner merged = session.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(merged.mails).hasSize(2).allSatisfy(mail -> {
                assertThat(mail).isNotSameAs(added);
                assertThat(mail.owner).isSameAs(merged);
            });
            session.commit();
        }
        try (Session session = sessions.open()) {
            Owner stored = session.scalars(select(Owner.class)).one();
            assertThat(stored.name).isEqualTo("ann (edited)");
            // The removed mail is an orphan of the merged collection, and DELETE_ORPHAN deleted it.
            assertThat(stored.mails).extracting(mail -> mail.email)
                    .containsExactly("ann@edited.example", "ann@three.example");
        }
    }

    @Test
    void aMarkRestoresRelationshipsToo() {
        try (Session session = sessions.open()) {
            Owner ann = session.scalars(select(Owner.class)).one();
            Mail first = ann.mails.get(0);
            io.mapper.orm.SessionMark mark = session.mark();
            Owner bob = new Owner("bob");
            session.add(bob);
            first.owner = bob;
            ann.mails.remove(0);
            ann.mails.add(new Mail("ann@new.example"));
            session.restore(mark);
            assertThat(first.owner).isSameAs(ann);
            assertThat(ann.mails).extracting(mail -> mail.email)
                    .containsExactly("ann@one.example", "ann@two.example");
            assertThat(session.isModified(ann)).isFalse();
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Owner.class)).one().mails).hasSize(2);
            assertThat(session.query(Owner.class).count()).isEqualTo(1);
        }
    }

    @Test
    void expungeCascadesToLoadedChildren() {
        try (Session session = sessions.open()) {
            Owner ann = session.scalars(select(Owner.class)).one();
            Mail first = ann.mails.get(0);
            session.expunge(ann);
            assertThat(session.state(ann)).isEqualTo(EntityState.DETACHED);
            assertThat(session.state(first)).isEqualTo(EntityState.DETACHED);
        }
    }
}
