package io.mapper.orm.relations;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.testing.BackendTest;

/**
 * {@code session.merge(detached)} with every relationship's default cascades, on every backend. A one-to-many merges
 * its children (SQLAlchemy's default {@code "save-update, merge"}); a many-to-one and a many-to-many, which default to
 * SAVE_UPDATE alone, copy which rows they refer to, each the session's own instance, and none of the detached related
 * objects' properties. Before, a collection without MERGE was left as the session had it: what the detached object's
 * collection said was dropped without a word.
 */
class MergeDefaultsIT extends BackendTest {

    private SessionFactory sessions;
    private long crateId;
    private long firstId;
    private long secondId;

    @BeforeEach
    void fill() {
        sessions = SessionFactory.builder(engine()).entities(Crate.class, Bottle.class, Item.class, Label.class)
                .build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Crate crate = new Crate("red");
            Bottle first = new Bottle("first");
            Bottle second = new Bottle("second");
            crate.bottles.add(first);
            crate.bottles.add(second);
            session.add(crate);
            session.commit();
            crateId = crate.id;
            firstId = first.id;
            secondId = second.id;
        }
    }

    /**
     * Mirrors test_merge.py::MergeTest::test_detached_to_persistent_collection and test_one_to_many_cascade: a
     * detached parent's renamed column, a child's changed property, a removed child and a new child all reach the
     * database through one merge.
     */
    @Test
    void aOneToManyMergesItsChildrenByDefault() {
        Crate detached;
        try (Session session = sessions.open()) {
            detached = session.get(Crate.class, crateId);
            assertThat(detached.bottles).hasSize(2);
        }
        detached.name = "blue";
        detached.bottles.get(1).label = "second (relabelled)";
        detached.bottles.remove(0);
        detached.bottles.add(new Bottle("third"));

        try (Session session = sessions.open()) {
            Crate merged = session.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(merged.bottles).extracting(bottle -> bottle.label)
                    .containsExactly("second (relabelled)", "third");
            session.commit();
        }
        try (Session session = sessions.open()) {
            Crate stored = session.get(Crate.class, crateId);
            assertThat(stored.name).isEqualTo("blue");
            assertThat(stored.bottles).extracting(bottle -> bottle.label)
                    .containsExactly("second (relabelled)", "third");
            assertThat(stored.bottles).allSatisfy(bottle -> assertThat(bottle.crate).isSameAs(stored));
            // Removed without DELETE_ORPHAN: the row stays, its foreign key set to NULL.
            Bottle removed = session.get(Bottle.class, firstId);
            assertThat(removed.label).isEqualTo("first");
            assertThat(removed.crate).isNull();
        }
    }

    /**
     * Mirrors test_merge.py::MergeTest::test_no_relationship_cascade (a reference without MERGE) for mapper's
     * default: the bottle points at the session's crate, and the detached stand-in's unset name is not written.
     */
    @Test
    void aManyToOneStandingForItsRowByKeyIsNotWrittenOver() {
        Crate byKey = new Crate();
        byKey.id = crateId;    // the name is not set: this object stands for the row by its key alone
        Bottle detached = new Bottle("second (moved)");
        detached.id = secondId;
        detached.crate = byKey;

        try (Session session = sessions.open()) {
            Bottle merged = session.merge(detached);
            assertThat(merged.crate).isNotSameAs(byKey);
            assertThat(merged.crate.name).isEqualTo("red");
            assertThat(session.isModified(merged.crate)).isFalse();
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Crate.class, crateId).name).isEqualTo("red");
            assertThat(session.get(Bottle.class, secondId).label).isEqualTo("second (moved)");
        }
    }

    /**
     * Mirrors test_merge.py::MergeTest::test_many_to_many_cascade with the cascade mapper defaults a many-to-many to:
     * the links follow the detached collection (a removed label, a label given by key alone, a new label), and the
     * labels' own properties are the session's, not the detached objects'.
     */
    @Test
    void aManyToManyCopiesWhichRowsItHoldsButNotTheirProperties() {
        long itemId;
        long keptId;
        long otherId;
        try (Session session = sessions.open()) {
            Item pen = new Item("pen");
            Label kept = new Label("kept");
            pen.labels.add(new Label("dropped"));
            pen.labels.add(kept);
            Label other = new Label("other");
            session.add(pen);
            session.add(other);
            session.commit();
            itemId = pen.id;
            keptId = kept.id;
            otherId = other.id;
        }
        Item detached;
        try (Session session = sessions.open()) {
            detached = session.get(Item.class, itemId);
            assertThat(detached.labels).hasSize(2);
        }
        detached.labels.removeIf(label -> label.text.equals("dropped"));
        detached.labels.iterator().next().text = "kept (edited, not merged)";
        Label byKey = new Label();
        byKey.id = otherId;    // no text: it stands for the row by its key
        detached.labels.add(byKey);
        detached.labels.add(new Label("new"));

        try (Session session = sessions.open()) {
            Item merged = session.merge(detached);
            assertThat(merged.labels).extracting(label -> label.text)
                    .containsExactlyInAnyOrder("kept", "other", "new");
            session.commit();
        }
        try (Session session = sessions.open()) {
            Item stored = session.get(Item.class, itemId);
            assertThat(stored.labels).extracting(label -> label.text)
                    .containsExactlyInAnyOrder("kept", "other", "new");
            assertThat(session.get(Label.class, keptId).text).isEqualTo("kept");
            assertThat(session.get(Label.class, otherId).text).isEqualTo("other");
            assertThat(session.scalars(select(Label.class)).all()).extracting(label -> label.text)
                    .containsExactlyInAnyOrder("dropped", "kept", "other", "new");
        }
    }
    /**
     * A collection set to null is not given, and the session's stays as it is; an empty one is given (a field's
     * initialiser counts), and empties the relationship. SQLAlchemy skips an attribute absent from the object's
     * state; a Java field is never absent, so null is how an object built by hand leaves a collection out.
     */
    @Test
    void aNullCollectionIsLeftOutOfTheMergeAndAnEmptyOneEmptiesTheRelationship() {
        Crate leavesOut = new Crate("green");
        leavesOut.id = crateId;
        leavesOut.bottles = null;
        try (Session session = sessions.open()) {
            Crate merged = session.merge(leavesOut);
            assertThat(merged.bottles).extracting(bottle -> bottle.label).containsExactly("first", "second");
            session.commit();
        }
        try (Session session = sessions.open()) {
            Crate stored = session.get(Crate.class, crateId);
            assertThat(stored.name).isEqualTo("green");
            assertThat(stored.bottles).hasSize(2);
        }

        Crate empties = new Crate("green");
        empties.id = crateId;
        try (Session session = sessions.open()) {
            assertThat(session.merge(empties).bottles).isEmpty();
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Crate.class, crateId).bottles).isEmpty();
            assertThat(session.get(Bottle.class, firstId).crate).isNull();
            assertThat(session.get(Bottle.class, secondId).crate).isNull();
        }
    }
    /** The inverse side of a many-to-many (mappedBy) merges its links the same way; the flush writes them. */
    @Test
    void theInverseSideOfAManyToManyMergesItsLinksToo() {
        long labelId;
        long penId;
        long inkId;
        try (Session session = sessions.open()) {
            Item pen = new Item("pen");
            Item ink = new Item("ink");
            Label office = new Label("office");
            pen.labels.add(office);
            session.add(pen);
            session.add(ink);
            session.commit();
            labelId = office.id;
            penId = pen.id;
            inkId = ink.id;
        }
        Label detached;
        try (Session session = sessions.open()) {
            detached = session.get(Label.class, labelId);
            assertThat(detached.items).extracting(item -> item.name).containsExactly("pen");
        }
        detached.items.clear();
        Item inkByKey = new Item();
        inkByKey.id = inkId;
        detached.items.add(inkByKey);

        try (Session session = sessions.open()) {
            Label merged = session.merge(detached);
            assertThat(merged.items).extracting(item -> item.name).containsExactly("ink");
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Label.class, labelId).items).extracting(item -> item.name)
                    .containsExactly("ink");
            assertThat(session.get(Item.class, penId).labels).isEmpty();
            assertThat(session.get(Item.class, inkId).name).isEqualTo("ink");
        }
    }
}
