package io.mapper.orm.collections.maps;

import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Row;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;

/**
 * A bidirectional {@code @MapKeyColumn} map without DELETE_ORPHAN ({@link Cabinet#drawers}): the many-to-one writes
 * the foreign key, the map the key column; a removed element is released, not deleted; a rollback puts the loaded
 * map back as it was. Mirrors test/orm/test_unitofwork.py::OneToManyTest::test_one_to_many_2 (an element removed
 * from a collection without delete-orphan has its foreign key set to NULL) for maps.
 */
class MapReleaseAndRollbackIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Cabinet.class, Drawer.class, Store.class, Item.class)
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

    private long cabinet() {
        try (Session session = sessions.open()) {
            Cabinet cabinet = new Cabinet();
            cabinet.drawers.put(1, new Drawer("socks"));
            cabinet.drawers.put(2, new Drawer("shirts"));
            session.add(cabinet);
            session.commit();
            assertThat(cabinet.drawers.get(1).cabinet).as("put sets the back-reference").isSameAs(cabinet);
            recorder.clear();
            return cabinet.id;
        }
    }

    @Test
    void theManyToOneWritesTheForeignKeyAndTheMapTheKey() {
        cabinet();
        assertThat(recorder.sql()).isEmpty();
        assertThat(rows("SELECT slot, content FROM drawer ORDER BY slot")).containsExactly("1@socks", "2@shirts");
        try (Session session = sessions.open()) {
            Cabinet cabinet = session.scalars(select(Cabinet.class).options(joinedLoad("drawers"))).all().get(0);
            assertThat(cabinet.drawers.keySet()).containsExactly(1, 2);
            assertThat(cabinet.drawers.get(2).content).isEqualTo("shirts");
        }
    }

    /** mirrors test/orm/test_unitofwork.py::OneToManyTest::test_one_to_many_2 (the removed child is released) */
    @Test
    void aRemovedElementIsReleasedNotDeleted() {
        long id = cabinet();
        try (Session session = sessions.open()) {
            Cabinet cabinet = session.get(Cabinet.class, id);
            Drawer removed = cabinet.drawers.remove(1);
            assertThat(removed.cabinet).as("remove clears the back-reference").isNull();
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).filteredOn(sql -> !sql.startsWith("SELECT"))
                    .containsExactly("UPDATE drawer SET cabinet_id = ? WHERE drawer.id = ?");
        }
        assertThat(rows("SELECT content, cabinet_id FROM drawer ORDER BY content"))
                .containsExactly("shirts@" + id, "socks@null");
    }

    /** A rollback puts a loaded map back: the removed entry returns under its key, the added one goes. */
    @Test
    void aRollbackRestoresTheLoadedMap() {
        long id = cabinet();
        try (Session session = sessions.open()) {
            Cabinet cabinet = session.get(Cabinet.class, id);
            cabinet.drawers.remove(1);
            cabinet.drawers.put(3, new Drawer("hats"));
            session.flush();
            session.rollback();
            assertThat(cabinet.drawers.keySet()).containsExactlyInAnyOrder(1, 2);
            assertThat(cabinet.drawers.get(1).content).isEqualTo("socks");
        }
        assertThat(rows("SELECT slot, content FROM drawer ORDER BY slot")).containsExactly("1@socks", "2@shirts");
    }

    /**
     * Moving an element between two owners' maps writes its new foreign key and key in one UPDATE.
     * mirrors test/orm/test_unitofwork.py::OneToManyTest::test_child_move
     */
    @Test
    void anElementMovedToAnotherOwnersMap() {
        long first = cabinet();
        long second;
        try (Session session = sessions.open()) {
            Cabinet other = new Cabinet();
            session.add(other);
            session.commit();
            second = other.id;
        }
        try (Session session = sessions.open()) {
            Cabinet from = session.get(Cabinet.class, first);
            Cabinet to = session.get(Cabinet.class, second);
            Drawer drawer = from.drawers.get(2);
            to.drawers.put(7, drawer);
            assertThat(drawer.cabinet).isSameAs(to);
            assertThat(from.drawers).as("the previous owner's loaded map loses it").containsOnlyKeys(1);
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).filteredOn(sql -> !sql.startsWith("SELECT"))
                    .containsExactly("UPDATE drawer SET cabinet_id = ?, slot = ? WHERE drawer.id = ?");
        }
        assertThat(rows("SELECT slot, cabinet_id FROM drawer ORDER BY slot"))
                .containsExactly("1@" + first, "7@" + second);
    }

    /** Merging a detached owner keeps its map's keys (and merges the elements). */
    @Test
    void mergeKeepsTheKeys() {
        cabinet();
        Cabinet detached;
        try (Session session = sessions.open()) {
            detached = session.scalars(select(Cabinet.class).options(joinedLoad("drawers"))).all().get(0);
        }
        detached.drawers.put(5, new Drawer("ties"));
        try (Session session = sessions.open()) {
            Cabinet merged = session.merge(detached);
            assertThat(merged.drawers.keySet()).containsExactly(1, 2, 5);
            session.commit();
        }
        assertThat(rows("SELECT slot, content FROM drawer ORDER BY slot"))
                .containsExactly("1@socks", "2@shirts", "5@ties");
    }
}
