package io.mapper.orm.defaults;

import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.table;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.testing.BackendTest;

/**
 * Issue 14: an ORM insert leaves out a null property whose column has a server default, so the default applies (not
 * an explicit NULL), reads the value back into the object, and writes a value that is set as usual.
 */
class ServerDefaultInsertIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Ticket.class).build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    @Test
    void unsetServerDefaultColumnsTakeTheDefaultAndAreReadBack() {
        Ticket plain = new Ticket("plain");
        Ticket urgent = new Ticket("urgent");
        urgent.priority = 1;
        Ticket closed = new Ticket("closed");
        closed.status = "closed";
        Ticket another = new Ticket("another");
        try (Session session = sessions.open()) {
            session.addAll(List.of(plain, urgent, closed, another));
            session.commit();
            // The objects match their rows, and nothing is left dirty.
            assertThat(List.of(plain.status, urgent.status, closed.status, another.status))
                    .containsExactly("open", "open", "closed", "open");
            assertThat(List.of(plain.priority, urgent.priority, closed.priority, another.priority))
                    .containsExactly(3, 1, 3, 3);
            assertThat(session.isModified(plain)).isFalse();
        }
        assertThat(recorder.sql()).filteredOn(sql -> sql.contains("INSERT"))
                .anySatisfy(sql -> assertThat(sql).contains("INSERT INTO ticket (title)"))
                .noneSatisfy(sql -> assertThat(sql).contains("NULL"));
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT title, status, priority FROM ticket ORDER BY id")).all())
                    .extracting(row -> row.get(0) + " " + row.get(1) + " " + ((Number) row.get(2)).intValue())
                    .containsExactly("plain open 3", "urgent open 1", "closed closed 3", "another open 3");
        }
    }
}
