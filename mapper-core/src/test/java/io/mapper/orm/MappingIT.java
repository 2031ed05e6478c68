package io.mapper.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.orm.model.Ticket;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;

/** Sequence keys, embedded values, enums and UUIDs round-trip through the ORM on every backend. */
class MappingIT extends BackendTest {

    @Test
    void sequenceKeysEmbeddedValuesEnumsAndUuidsRoundTrip() {
        SessionFactory sessions = SessionFactory.builder(engine()).entities(Ticket.class).build();
        sessions.metadata().createAll(engine());
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(new Ticket("holder" + i, i == 4 ? null : new Ticket.Place("City " + i, 10 + i)));
        }
        try (Session session = sessions.open()) {
            session.addAll(tickets);
            session.commit();
        }
        assertThat(tickets).extracting(ticket -> ticket.id).doesNotContainNull().doesNotHaveDuplicates();
        if (backend.supports(io.mapper.testing.Feature.SEQUENCES)) {
            // The keys came from the sequence created with the table.
            try (Session session = sessions.open()) {
                assertThat(session.execute(Sql.text(backend.is("postgresql")
                        ? "SELECT last_value FROM ticket_seq" : backend.is("mariadb")
                        ? "SELECT NEXT VALUE FOR ticket_seq" : "SELECT CURRENT VALUE FOR ticket_seq"))
                        .scalar(Long.class)).isGreaterThanOrEqualTo(5L);
            }
        }
        try (Session session = sessions.open()) {
            Ticket first = session.get(Ticket.class, tickets.get(0).id);
            assertThat(first.place).isEqualTo(new Ticket.Place("City 0", 10));
            assertThat(first.status).isEqualTo(Ticket.Status.OPEN);
            assertThat(first.reference).isEqualTo(tickets.get(0).reference);
            assertThat(session.get(Ticket.class, tickets.get(4).id).place).isNull();
            first.place = new Ticket.Place("Elsewhere", 1);
            first.status = Ticket.Status.USED;
            session.commit();
        }
        try (Session session = sessions.open()) {
            Ticket first = session.get(Ticket.class, tickets.get(0).id);
            assertThat(first.place.city()).isEqualTo("Elsewhere");
            assertThat(first.status).isEqualTo(Ticket.Status.USED);
        }
    }
}
