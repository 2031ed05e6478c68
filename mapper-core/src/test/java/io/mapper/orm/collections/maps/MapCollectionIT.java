package io.mapper.orm.collections.maps;

import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.lazyLoad;
import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Row;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.DetachedInstanceException;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.loading.PersistentMap;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;

/**
 * Map-valued one-to-many collections: keyed by an attribute of the element ({@link Store#items}, {@code @MapKey}) and
 * by a column of the element's table that no attribute maps ({@link Notebook#notes}, {@code @MapKeyColumn}, which
 * the flush writes from the map's keys). Mirrors SQLAlchemy's test/orm/test_collection.py::DictHelpersTest.
 */
class MapCollectionIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Store.class, Item.class, Notebook.class, Note.class)
                .build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    private List<String> rows(String sql) {
        try (Session session = sessions.open()) {
            List<String> rows = new ArrayList<>();
            for (Row row : session.execute(Sql.text(sql)).all()) {
                rows.add(row.get(0) + "@" + row.get(1));
            }
            return rows;
        }
    }

    private List<String> writes() {
        // H2 returns generated keys with SELECT ... FROM FINAL TABLE (INSERT ...)
        return recorder.sql().stream().filter(sql -> !sql.startsWith("SELECT") || sql.contains("INSERT INTO"))
                .toList();
    }

    private long store(String... codes) {
        try (Session session = sessions.open()) {
            Store store = new Store("corner");
            for (String code : codes) {
                store.items.put(code, new Item(code, code + "-label"));
            }
            session.add(store);
            session.commit();
            recorder.clear();
            return store.id;
        }
    }

    private long notebook(String... labels) {
        try (Session session = sessions.open()) {
            Notebook notebook = new Notebook("diary");
            for (String label : labels) {
                notebook.notes.put(label, new Note(label + "-body"));
            }
            session.add(notebook);
            session.commit();
            recorder.clear();
            return notebook.id;
        }
    }

    /**
     * mirrors test/orm/test_collection.py::DictHelpersTest::test_attribute_keyed_dict (_test_scalar_mapped): put two,
     * load them by key, replace one key's element (the old one is an orphan), remove one, delete the last.
     */
    @Test
    void attributeKeyedDictReplacesRemovesAndOrphans() {
        long id = store("foo", "bar");
        long fooId;
        try (Session session = sessions.open()) {
            Store store = session.get(Store.class, id);
            assertThat(store.items).isInstanceOf(PersistentMap.class).containsOnlyKeys("foo", "bar");
            assertThat(store.items.get("foo").store).isSameAs(store);
            fooId = store.items.get("foo").id;
            Item replacement = new Item("foo", "newvalue");
            store.items.put("foo", replacement);
            assertThat(replacement.store).as("put sets the back-reference").isSameAs(store);
            recorder.clear();
            session.commit();
            assertThat(writes()).anyMatch(sql -> sql.contains("INSERT INTO item (code, label, store_id)"))
                    .contains("DELETE FROM item WHERE item.id = ?");
        }
        try (Session session = sessions.open()) {
            Store store = session.get(Store.class, id);
            assertThat(store.items).containsOnlyKeys("foo", "bar");
            assertThat(store.items.get("foo").id).isNotEqualTo(fooId);
            assertThat(store.items.get("foo").label).isEqualTo("newvalue");
            store.items.remove("foo");
            session.commit();
        }
        try (Session session = sessions.open()) {
            Store store = session.get(Store.class, id);
            assertThat(store.items).containsOnlyKeys("bar");
            store.items.remove("bar");
            session.commit();
        }
        assertThat(rows("SELECT COUNT(*), 0 FROM item")).containsExactly("0@0");
    }

    /** mirrors test/orm/test_collection.py::DictHelpersTest::test_column_keyed_dict (_test_scalar_mapped) */
    @Test
    void columnKeyedDictWritesItsKeysAndReplacesRemovesAndOrphans() {
        try (Session session = sessions.open()) {
            Notebook notebook = new Notebook("diary");
            notebook.notes.put("foo", new Note("value"));
            notebook.notes.put("bar", new Note("value"));
            session.add(notebook);
            session.commit();
        }
        assertThat(writes()).filteredOn(sql -> sql.contains("INSERT INTO note ")).isNotEmpty()
                .allSatisfy(sql -> assertThat(sql).contains("INSERT INTO note (body, notebook_id, label)"));
        assertThat(rows("SELECT label, body FROM note ORDER BY label")).containsExactly("bar@value", "foo@value");
        long id = rows("SELECT id, 0 FROM notebook").stream().map(row -> Long.parseLong(row.split("@")[0]))
                .findFirst().orElseThrow();
        try (Session session = sessions.open()) {
            Notebook notebook = session.get(Notebook.class, id);
            assertThat(notebook.notes).containsOnlyKeys("foo", "bar");
            notebook.notes.put("foo", new Note("newvalue"));
            recorder.clear();
            session.commit();
            assertThat(writes()).contains("DELETE FROM note WHERE note.id = ?")
                    .anyMatch(sql -> sql.contains("INSERT INTO note (body, notebook_id, label)"));
        }
        assertThat(rows("SELECT label, body FROM note ORDER BY label")).containsExactly("bar@value",
                "foo@newvalue");
        try (Session session = sessions.open()) {
            Notebook notebook = session.get(Notebook.class, id);
            notebook.notes.remove("foo");
            session.commit();
        }
        try (Session session = sessions.open()) {
            Notebook notebook = session.get(Notebook.class, id);
            assertThat(notebook.notes).containsOnlyKeys("bar");
            notebook.notes.remove("bar");
            session.commit();
        }
        assertThat(rows("SELECT COUNT(*), 0 FROM note")).containsExactly("0@0");
    }

    /** A note moved to another key is re-keyed by an UPDATE of its key column alone. */
    @Test
    void movingAnElementToAnotherKeyUpdatesTheKeyColumn() {
        long id = notebook("a", "b");
        try (Session session = sessions.open()) {
            Notebook notebook = session.get(Notebook.class, id);
            Note note = notebook.notes.remove("a");
            notebook.notes.put("z", note);
            recorder.clear();
            session.commit();
            assertThat(writes()).containsExactly("UPDATE note SET label = ? WHERE note.id = ?");
        }
        assertThat(rows("SELECT label, body FROM note ORDER BY label")).containsExactly("b@b-body", "z@a-body");
    }

    /** Every loading strategy keys the map: select-in, joined and lazy. */
    @Test
    void everyLoadingStrategyKeysTheMap() {
        store("a1", "a2");
        notebook("n1", "n2");
        try (Session session = sessions.open()) {
            recorder.clear();
            Store store = session.scalars(select(Store.class).options(selectInLoad("items"))).all().get(0);
            assertThat(store.items).containsOnlyKeys("a1", "a2");
            assertThat(recorder.sql()).containsExactly("SELECT store.id, store.name FROM store",
                    "SELECT item.id, item.code, item.label, item.store_id FROM item WHERE item.store_id IN (?) "
                    + "ORDER BY item.id");
        }
        try (Session session = sessions.open()) {
            recorder.clear();
            Notebook notebook = session.scalars(select(Notebook.class).options(joinedLoad("notes"))).all().get(0);
            assertThat(notebook.notes.keySet()).containsExactly("n1", "n2");
            assertThat(notebook.notes.get("n2").body).isEqualTo("n2-body");
            assertThat(recorder.sql()).hasSize(1);
            assertThat(recorder.sql().get(0)).startsWith("SELECT notebook.id, notebook.title, note_1.id, "
                    + "note_1.body, note_1.notebook_id, note_1.label FROM notebook LEFT OUTER JOIN note AS note_1 "
                    + "ON note_1.notebook_id = notebook.id");
        }
        try (Session session = sessions.open()) {
            Notebook notebook = session.scalars(select(Notebook.class).options(lazyLoad("notes"))).all().get(0);
            assertThat(((PersistentMap<?, ?>) notebook.notes).isLoaded()).isFalse();
            recorder.clear();
            assertThat(notebook.notes.keySet()).containsExactly("n1", "n2");
            assertThat(recorder.sql()).containsExactly("SELECT note.id, note.body, note.notebook_id, note.label "
                    + "FROM note WHERE note.notebook_id IN (?) ORDER BY note.id");
        }
    }

    /** An unloaded map of a detached owner cannot load. */
    @Test
    void anUnloadedMapOfADetachedOwnerRaises() {
        long id = notebook("n1");
        Notebook notebook;
        try (Session session = sessions.open()) {
            notebook = session.scalars(select(Notebook.class).options(lazyLoad("notes"))).all().get(0);
        }
        assertThat(notebook.id).isEqualTo(id);
        assertThatThrownBy(() -> notebook.notes.size()).isInstanceOf(DetachedInstanceException.class);
    }

    /**
     * Of two rows with one key the later loaded wins (SQLAlchemy's dict); the other row is left alone by the flush.
     * mirrors test/orm/test_collection.py::AttrKeyedDictKeysTest::test_attr_dict_keys_persist
     */
    @Test
    void duplicateKeysOnLoadKeepTheLastElement() {
        long id = store("a");
        try (Session session = sessions.open()) {
            session.execute(Sql.text("INSERT INTO item (code, label, store_id) VALUES ('a', 'second', " + id + ")"));
            session.commit();
        }
        try (Session session = sessions.open()) {
            Store store = session.get(Store.class, id);
            assertThat(store.items).hasSize(1);
            assertThat(store.items.get("a").label).isEqualTo("second");
            store.name = "renamed";
            recorder.clear();
            session.commit();
            assertThat(writes()).containsExactly("UPDATE store SET name = ? WHERE store.id = ?");
        }
        assertThat(rows("SELECT COUNT(*), 0 FROM item")).containsExactly("2@0");
    }

    /** A key attribute changed while its element is in the map: the map keeps the old key until it is loaded again. */
    @Test
    void aChangedKeyAttributeDoesNotReKeyTheMap() {
        long id = store("a");
        try (Session session = sessions.open()) {
            Store store = session.get(Store.class, id);
            store.items.get("a").code = "b";
            session.commit();
            assertThat(store.items).containsOnlyKeys("a");
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Store.class, id).items).containsOnlyKeys("b");
        }
    }

    /** mirrors test/orm/test_collection.py::AttrKeyedDictKeysTest::test_attr_dict_keys_none (null keys refused) */
    @Test
    void aNullKeyIsRefusedAtFlush() {
        try (Session session = sessions.open()) {
            Notebook notebook = new Notebook("diary");
            notebook.notes.put(null, new Note("orphan"));
            session.add(notebook);
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Notebook.notes").hasMessageContaining("null key")
                    .hasMessageContaining("label");
        }
        try (Session session = sessions.open()) {
            Store store = new Store("s");
            store.items.put(null, new Item(null, "x"));
            session.add(store);
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Store.items").hasMessageContaining("Item.code");
        }
    }

    /** A map the application assigns is written with its keys, and becomes mapper's map after the flush. */
    @Test
    void anAssignedMapIsWrittenAndReplacedByAPersistentMap() {
        long id = notebook("a");
        try (Session session = sessions.open()) {
            Notebook notebook = session.get(Notebook.class, id);
            notebook.notes = new java.util.LinkedHashMap<>(Map.of("x", new Note("x-body")));
            session.commit();
            assertThat(notebook.notes).isInstanceOf(PersistentMap.class).containsOnlyKeys("x");
        }
        assertThat(rows("SELECT label, body FROM note ORDER BY label")).containsExactly("x@x-body");
    }

    /** A map relationship is a Relation like any collection's: join along it, or test its elements with any. */
    @Test
    void queriesAlongAMapRelationship() {
        store("a1", "a2");
        notebook("n1");
        io.mapper.orm.Relation<Store, Item> items = io.mapper.orm.Relation.of(Store.class, "items", Item.class);
        io.mapper.orm.Relation<Notebook, Note> notes = io.mapper.orm.Relation.of(Notebook.class, "notes", Note.class);
        io.mapper.orm.Attribute<Item, String> code = io.mapper.orm.Attribute.of(Item.class, "code",
                io.mapper.orm.Attribute.table("item"), "code", io.mapper.types.Types.string(20));
        io.mapper.orm.Attribute<Note, String> body = io.mapper.orm.Attribute.of(Note.class, "body",
                io.mapper.orm.Attribute.table("note"), "body", io.mapper.types.Types.string(40));
        try (Session session = sessions.open()) {
            recorder.clear();
            assertThat(session.scalars(select(Store.class).where(items.any(code.eq("a2")))).all()).hasSize(1);
            assertThat(recorder.sql().get(0)).contains("EXISTS (SELECT").contains("item.store_id = store.id");
            recorder.clear();
            assertThat(session.scalars(select(Notebook.class).join(notes).where(body.eq("n1-body"))).all())
                    .hasSize(1);
            assertThat(recorder.sql().get(0)).contains("JOIN note ON note.notebook_id = notebook.id");
        }
    }

    @Test
    void theKeyColumnIsInTheElementsTable() {
        var column = sessions.metadata().table("note").column("label");
        assertThat(column.isNullable()).isTrue();
        assertThat(sessions.metadata().table("item").columns()).extracting(c -> c.name())
                .containsExactly("id", "code", "label", "store_id");
    }
}
