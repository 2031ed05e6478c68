package io.mapper.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;
import io.mapper.testing.BackendTest;

/**
 * A {@code byte[]} changed in place is a change: the snapshot keeps a copy of the array and compares by content, as
 * Hibernate's binary mapping does (its snapshot is a deep copy). It was missed before: the snapshot held the object's
 * own array, which changed with it. (Python's bytes cannot change in place, so SQLAlchemy has no such test.)
 */
class InPlaceChangeIT extends BackendTest {

    @Entity
    @Table(name = "blob_doc")
    public static class Doc {
        @Id @GeneratedValue public Long id;
        public byte[] content;
        /** Loaded on first use: its snapshot is taken then. */
        @io.mapper.orm.annotation.Column(deferred = true) public byte[] thumbnail;

        Doc() {
        }

        Doc(byte[] content) {
            this.content = content;
            this.thumbnail = content.clone();
        }
    }

    private SessionFactory sessions;

    @BeforeEach
    void createDocs() {
        sessions = SessionFactory.builder(engine()).entities(Doc.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            session.addAll(List.of(new Doc(new byte[] {1, 2, 3}), new Doc(new byte[] {4, 5, 6})));
            session.commit();
        }
        recorder.clear();
    }

    /** A deferred column's snapshot, taken when it loads on first use, is a copy too. */
    @Test
    void aDeferredArrayChangedInPlaceAfterItLoadsIsFlushed() {
        try (Session session = sessions.open()) {
            List<Doc> docs = byId(session);
            assertThat(docs.get(1).thumbnail).as("not loaded with the row").isNull();
            session.refresh(docs.get(1), "thumbnail");
            assertThat(docs.get(1).thumbnail).containsExactly(4, 5, 6);
            docs.get(1).thumbnail[0] = 8;
            assertThat(session.isModified(docs.get(1))).isTrue();
            recorder.clear();
            session.commit();
            recorder.assertStatements("UPDATE blob_doc SET thumbnail = ? WHERE blob_doc.id = ?");
        }
        try (Session session = sessions.open()) {
            Doc doc = byId(session).get(1);
            session.refresh(doc, "thumbnail");
            assertThat(doc.thumbnail).containsExactly(8, 5, 6);
        }
    }

    private static List<Doc> byId(Session session) {
        return session.query(Doc.class).all().stream().sorted(java.util.Comparator.comparing(doc -> doc.id)).toList();
    }

    @Test
    void anArrayChangedInPlaceIsFlushedAndAnUntouchedOneIsNot() {
        try (Session session = sessions.open()) {
            List<Doc> docs = byId(session);
            docs.get(0).content[1] = 9;
            assertThat(session.isModified(docs.get(0))).isTrue();
            assertThat(session.isModified(docs.get(1))).isFalse();
            recorder.clear();
            session.flush();
            recorder.assertStatements("UPDATE blob_doc SET content = ? WHERE blob_doc.id = ?");
            docs.get(0).content[2] = 7;     // the snapshot taken after the UPDATE is a copy too
            recorder.clear();
            session.commit();
            recorder.assertStatements("UPDATE blob_doc SET content = ? WHERE blob_doc.id = ?");
        }
        try (Session session = sessions.open()) {
            List<Doc> docs = byId(session);
            assertThat(docs.get(0).content).containsExactly(1, 9, 7);
            assertThat(docs.get(1).content).containsExactly(4, 5, 6);
        }
    }
}
