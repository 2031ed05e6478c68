package io.mapper.orm;

import static io.mapper.orm.Orm.defer;
import static io.mapper.orm.Orm.deferRaise;
import static io.mapper.orm.Orm.loadOnly;
import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static io.mapper.orm.Orm.undefer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.deferred.Document;
import io.mapper.orm.deferred.Folder;
import io.mapper.orm.deferred.Gauge;
import io.mapper.orm.mapping.MappingException;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Deferred columns: left out of an entity's SELECTs per mapping ({@code @Column(deferred = true)}) or per query
 * ({@code defer}, {@code undefer}, {@code loadOnly}), loaded on first access through a {@code Deferred<T>} holder or
 * by {@code session.refresh(obj, "name")}, raising when their loading is RAISE; the unit of work never writes an
 * unloaded column. Mirrors SQLAlchemy's test/orm/test_deferred.py (DeferredTest, DeferredOptionsTest, RaiseLoadTest,
 * DeferredPopulationTest), scenario by scenario as each test names.
 */
class DeferredColumnIT extends BackendTest {

    private static final TableClause DOCUMENT = Attribute.table("document");
    private static final Attribute<Document, Long> ID = Attribute.of(Document.class, "id", DOCUMENT, "id",
            Types.BIGINT);
    private static final Attribute<Document, String> TITLE = Attribute.of(Document.class, "title", DOCUMENT, "title",
            Types.string(40));
    private static final Attribute<Document, String> BODY = Attribute.of(Document.class, "body", DOCUMENT, "body",
            Types.TEXT);
    private static final Attribute<Document, String> NOTES = Attribute.of(Document.class, "notes", DOCUMENT, "notes",
            Types.TEXT);
    private static final String SELECT = "SELECT document.id, document.title, document.pages, document.folder_id "
            + "FROM document";

    private SessionFactory sessions;
    private long firstId;

    @BeforeEach
    void createDocuments() {
        sessions = SessionFactory.builder(engine()).entities(Folder.class, Document.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Document first = new Document("alpha", 3, "alpha body", "alpha summary", "alpha notes");
            session.add(new Folder("work").with(first).with(new Document("beta", 5, "beta body", "beta summary",
                    "beta notes")));
            session.commit();
            firstId = first.id;
        }
        recorder.clear();
    }

    /** Mirrors DeferredTest.test_basic: the query leaves the columns out; first access loads one by key. */
    @Test
    void deferredColumnsAreLeftOutAndLoadedOnFirstAccess() {
        try (Session session = sessions.open()) {
            List<Document> documents = session.scalars(select(Document.class).orderBy(ID)).all();
            assertThat(recorder.sql()).containsExactly(SELECT + " ORDER BY document.id");
            Document alpha = documents.get(0);
            assertThat(alpha.body.isLoaded()).isFalse();
            assertThat(alpha.summary).isNull();
            assertThat(alpha.body.get()).isEqualTo("alpha body");
            assertThat(recorder.sql()).hasSize(2).last()
                    .isEqualTo("SELECT document.body FROM document WHERE document.id = ?");
            assertThat(alpha.body.get()).isEqualTo("alpha body");
            assertThat(recorder.sql()).hasSize(2);
            assertThat(session.isModified(alpha)).isFalse();
        }
    }

    /** Mirrors DeferredTest.test_unsaved: a new object's values are written, and nothing is loaded. */
    @Test
    void newObjectsWriteTheirDeferredValues() {
        try (Session session = sessions.open()) {
            Document gamma = new Document("gamma", 1, "gamma body", "gamma summary", "gamma notes");
            session.add(gamma);
            session.flush();
            assertThat(recorder.sql()).hasSize(1).first().asString().contains("INSERT INTO document")
                    .contains("body", "summary", "notes");
            assertThat(gamma.body.get()).isEqualTo("gamma body");
            session.commit();
        }
        try (Session session = sessions.open()) {
            Document gamma = session.scalars(select(Document.class).where(TITLE.eq("gamma"))
                    .options(undefer(BODY, NOTES), undefer("summary"))).one();
            assertThat(gamma.body.get()).isEqualTo("gamma body");
            assertThat(gamma.summary).isEqualTo("gamma summary");
            assertThat(gamma.notes.get()).isEqualTo("gamma notes");
        }
    }

    /**
     * Mirrors DeferredTest.test_save: a change to a loaded column UPDATEs that column only; the unloaded deferred
     * ones are neither seen as changed nor overwritten with NULL.
     */
    @Test
    void updatesNeverWriteUnloadedColumns() {
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId);
            alpha.pages = 4;
            session.commit();
            assertThat(recorder.sql()).contains("UPDATE document SET pages = ? WHERE document.id = ?");
        }
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId, undefer("body", "summary", "notes"));
            assertThat(alpha.pages).isEqualTo(4);
            assertThat(alpha.body.get()).isEqualTo("alpha body");
            assertThat(alpha.summary).isEqualTo("alpha summary");
            assertThat(alpha.notes.get()).isEqualTo("alpha notes");
        }
    }

    /**
     * Mirrors DeferredTest.test_preserve_changes: a value given to an unloaded column is written, and loading
     * another deferred column does not revert it.
     */
    @Test
    void valuesGivenToUnloadedColumnsAreWritten() {
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId);
            alpha.summary = "new summary";
            alpha.body.set("new body");
            assertThat(alpha.notes.isLoaded()).isFalse();
            session.refresh(alpha, "pages");
            assertThat(alpha.summary).isEqualTo("new summary");
            assertThat(session.isModified(alpha)).isTrue();
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).contains("UPDATE document SET body = ?, summary = ? WHERE document.id = ?");
        }
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId, undefer("body", "summary"));
            assertThat(alpha.body.get()).isEqualTo("new body");
            assertThat(alpha.summary).isEqualTo("new summary");
        }
    }

    /** A Deferred holder set to null while unloaded writes NULL: the change is seen though no value was loaded. */
    @Test
    void nullGivenToAnUnloadedHolderIsWritten() {
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId);
            alpha.body.set(null);
            session.commit();
            assertThat(recorder.sql()).contains("UPDATE document SET body = ? WHERE document.id = ?");
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Document.class, firstId).body.get()).isNull();
        }
    }

    /** Mirrors DeferredTest.test_commits_state: a loaded deferred value is committed state; rewriting it is no change. */
    @Test
    void loadedDeferredValuesAreCommittedState() {
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId);
            assertThat(alpha.body.get()).isEqualTo("alpha body");
            session.refresh(alpha, "summary");
            assertThat(alpha.summary).isEqualTo("alpha summary");
            assertThat(recorder.sql()).last().isEqualTo("SELECT document.summary FROM document WHERE document.id = ?");
            alpha.body.set("alpha body");
            alpha.summary = "alpha summary";
            assertThat(session.isModified(alpha)).isFalse();
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).isEmpty();
        }
    }

    /** Mirrors DeferredOptionsTest.test_options and test_load_only_no_pk: per-query defer, undefer, loadOnly. */
    @Test
    void queryOptionsChooseTheColumns() {
        try (Session session = sessions.open()) {
            session.scalars(select(Document.class).where(TITLE.eq("alpha")).options(undefer(BODY))).one();
            session.expunge(session.get(Document.class, firstId));
            session.scalars(select(Document.class).where(TITLE.eq("alpha")).options(defer(TITLE))).one();
            session.expunge(session.get(Document.class, firstId));
            Document alpha = session.scalars(select(Document.class).where(ID.eq(firstId))
                    .options(loadOnly(TITLE))).one();
            assertThat(recorder.sql()).containsExactly(
                    "SELECT document.id, document.title, document.pages, document.body, document.folder_id FROM "
                            + "document WHERE document.title = ?",
                    "SELECT document.id, document.pages, document.folder_id FROM document WHERE document.title = ?",
                    "SELECT document.id, document.title, document.folder_id FROM document WHERE document.id = ?");
            assertThat(alpha.title).isEqualTo("alpha");
            assertThat(alpha.pages).isNull();
            session.refresh(alpha, "pages");
            assertThat(alpha.pages).isEqualTo(3);
        }
    }

    /**
     * Mirrors DeferredPopulationTest.test_query_twice_no_clear: an object already in the session gets the columns a
     * later query loads, without losing anything it holds.
     */
    @Test
    void aLaterQueryFillsUnloadedColumnsOfObjectsInTheSession() {
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId);
            alpha.title = "changed";
            Document again = session.noAutoflush(() -> session.scalars(select(Document.class).where(ID.eq(firstId))
                    .options(undefer(BODY))).one());
            assertThat(again).isSameAs(alpha);
            assertThat(alpha.body.isLoaded()).isTrue();
            assertThat(alpha.body.get()).isEqualTo("alpha body");
            assertThat(alpha.title).isEqualTo("changed");
            assertThat(recorder.sql()).hasSize(2);
        }
    }

    /** Mirrors RaiseLoadTest.test_mapper_raise, test_mapper_undefer_unraise and test_option_raise_deferred. */
    @Test
    void raiseLoadColumnsRaiseOnAccessNamingTheFix() {
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId);
            assertThatThrownBy(() -> alpha.notes.get()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Document.notes").hasMessageContaining("undefer(\"notes\")");
            Document beta = session.scalars(select(Document.class).where(TITLE.eq("beta"))
                    .options(undefer(NOTES))).one();
            assertThat(beta.notes.get()).isEqualTo("beta notes");
            Document raising = session.scalars(select(Document.class).where(TITLE.eq("beta"))
                    .options(deferRaise(BODY))).one();
            assertThat(raising).isSameAs(beta);
            assertThat(beta.body.isLoaded()).isFalse();
        }
        try (Session session = sessions.open()) {
            Document beta = session.scalars(select(Document.class).where(TITLE.eq("beta"))
                    .options(deferRaise(BODY))).one();
            assertThatThrownBy(() -> beta.body.get()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Document.body");
        }
    }

    /**
     * Mirrors RaiseLoadTest.test_mapper_raise_after_modify_attr_expire_obj: a rollback puts a changed unloaded
     * column back to unloaded, and nothing of it is written.
     */
    @Test
    void rollbackPutsChangedColumnsBackToUnloaded() {
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId);
            alpha.body.set("discarded");
            alpha.summary = "discarded";
            session.flush();
            session.rollback();
            assertThat(alpha.body.isLoaded()).isFalse();
            assertThat(alpha.summary).isNull();
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("UPDATE"));
            assertThat(alpha.body.get()).isEqualTo("alpha body");
        }
    }

    /**
     * Mirrors RaiseLoadTest.test_does_expire_cancel_normal_defer_option: after a commit expires the object, the next
     * load leaves the mapping's deferred columns unloaded again.
     */
    @Test
    void expiredObjectsReloadWithTheirColumnsDeferredAgain() {
        try (Session session = sessions.open()) {
            Document alpha = session.get(Document.class, firstId, undefer(BODY));
            assertThat(alpha.body.isLoaded()).isTrue();
            session.commit();
            Document again = session.get(Document.class, firstId);
            assertThat(again).isSameAs(alpha);
            assertThat(alpha.body.isLoaded()).isFalse();
            assertThat(alpha.body.get()).isEqualTo("alpha body");
        }
    }

    /** Objects loaded through a relationship defer the same columns; a chained option undefers them there. */
    @Test
    void relationshipLoadsDeferTooAndChainedOptionsUndefer() {
        try (Session session = sessions.open()) {
            Folder work = session.scalars(select(Folder.class)).one();
            assertThat(work.documents).hasSize(2);
            assertThat(recorder.sql().get(1)).startsWith(SELECT + " WHERE document.folder_id IN (");
            assertThat(work.documents.get(0).body.isLoaded()).isFalse();
        }
        recorder.clear();
        try (Session session = sessions.open()) {
            Folder work = session.scalars(select(Folder.class).options(selectInLoad("documents").undefer("body")))
                    .one();
            assertThat(recorder.sql().get(1)).startsWith("SELECT document.id, document.title, document.pages, "
                    + "document.body, document.folder_id FROM document WHERE document.folder_id IN (");
            assertThat(work.documents.get(0).body.get()).isEqualTo("alpha body");
            assertThat(recorder.sql()).hasSize(2);
        }
        recorder.clear();
        try (Session session = sessions.open()) {
            session.scalars(select(Folder.class).options(Orm.joinedLoad("documents").undefer("summary"))).one();
            assertThat(recorder.sql().get(0)).contains("document_1.summary").doesNotContain("document_1.body");
        }
    }

    /** A closed session cannot load a deferred column: DetachedInstanceException naming it and the fix. */
    @Test
    void detachedObjectsCannotLoadDeferredColumns() {
        Document alpha;
        try (Session session = sessions.open()) {
            alpha = session.get(Document.class, firstId);
        }
        assertThatThrownBy(() -> alpha.body.get()).isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("Document.body").hasMessageContaining("undefer");
    }

    /** Mirrors test_defer_primary_key / test_defer_option_primary_key: keys are never deferred; bad names raise. */
    @Test
    void badColumnOptionsAndMappingsRaiseNamingTheFix() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.scalars(select(Document.class).options(defer(ID))).all())
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("Document.id cannot be deferred");
            assertThatThrownBy(() -> session.scalars(select(Document.class).options(defer("nope"))).all())
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("no mapped property 'nope'");
            assertThatThrownBy(() -> session.scalars(select(Document.class).options(deferRaise(
                    Attribute.of(Document.class, "summary", DOCUMENT, "summary", Types.TEXT)))).all())
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("Deferred<...>");
            assertThatThrownBy(() -> session.scalars(select(Folder.class).options(defer(TITLE))).all())
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("the query selects Folder");
        }
        assertThatThrownBy(() -> SessionFactory.builder(engine()).entities(Gauge.class).build())
                .isInstanceOf(MappingException.class).hasMessageContaining("Gauge.reading")
                .hasMessageContaining("Integer");
    }
}
