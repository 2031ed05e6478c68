package io.mapper.orm.tracking;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Row;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.state.Enhanced;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;

/**
 * A loaded object's snapshot agrees with what its getters return, so an UPDATE writes only the columns the
 * application changed, whatever its other accessors do (docs/orm.md, "Change tracking"): mapper keeps the values it
 * set only for the accessors the enhancer found plain, and reads the others back. Mirrors
 * {@code test/orm/test_unitofworkv2.py::TypeWoBoolTest::test_no_update_no_change} (an UPDATE sets the changed
 * column alone), with accessors in the place of SQLAlchemy's type without a comparison.
 */
class LoadedSnapshotIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createCard() {
        sessions = SessionFactory.builder(engine()).entities(TrackedCard.class).build();
        sessions.metadata().createAll(engine());
        try (io.mapper.engine.Connection conn = engine().connect()) {
            conn.execute(Sql.text("INSERT INTO tracked_card (title, code, stars) VALUES (NULL, ' ab ', 1)"));
            conn.commit();
        }
        recorder.clear();
    }

    private List<String> updates() {
        return recorder.sql().stream().filter(sql -> sql.startsWith("UPDATE")).toList();
    }

    private Row stored() {
        try (io.mapper.engine.Connection conn = engine().connect()) {
            return conn.execute(Sql.text("SELECT title, code, stars FROM tracked_card")).one();
        }
    }

    @Test
    void theEnhancerVouchesOnlyForAccessorsThatJustReadAndWriteTheField() {
        Enhanced enhanced = TrackedCard.class.getAnnotation(Enhanced.class);
        assertThat(enhanced).isNotNull();
        assertThat(enhanced.plain()).contains("id", "stars").doesNotContain("title", "code");
    }

    @Test
    void anUpdateWritesOnlyTheChangedColumnWhateverTheOtherAccessorsDo() {
        try (Session session = sessions.open()) {
            TrackedCard card = session.scalars(select(TrackedCard.class)).one();
            assertThat(card.getTitle()).isEmpty();
            assertThat(card.getCode()).isEqualTo("ab");
            card.setStars(2);
            session.commit();
        }
        assertThat(updates()).hasSize(1);
        assertThat(updates().get(0)).contains("stars").doesNotContain("title").doesNotContain("code");
        Row row = stored();
        assertThat(row.get(0)).isNull();
        assertThat(row.get(1)).isEqualTo(" ab ");
        assertThat(((Number) row.get(2)).intValue()).isEqualTo(2);
    }

    @Test
    void anObjectComparedWholeAfterItLoadsHasNoChange() {
        try (Session session = sessions.open()) {
            TrackedCard card = session.scalars(select(TrackedCard.class)).one();
            session.flagDirty(card);    // the flush compares every column with the snapshot
            assertThat(session.isModified(card)).isFalse();
            session.commit();
        }
        assertThat(updates()).isEmpty();
    }
}
