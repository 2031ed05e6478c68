package io.mapper.orm.model;

import java.util.UUID;

import io.mapper.orm.annotation.Embeddable;
import io.mapper.orm.annotation.Embedded;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.orm.annotation.Id;

/** A sequence-keyed entity with an embedded value and an enum. */
@Entity
public class Ticket {

    /** The embedded value: two columns of the ticket's table. */
    @Embeddable
    public record Place(String city, Integer seat) {
    }

    /** A ticket's state, stored by name. */
    public enum Status { OPEN, USED }

    @Id @GeneratedValue(strategy = GenerationStrategy.SEQUENCE) public Long id;
    public String holder;
    @Embedded public Place place;
    public Status status = Status.OPEN;
    public UUID reference = UUID.randomUUID();

    Ticket() {
    }

    public Ticket(String holder, Place place) {
        this.holder = holder;
        this.place = place;
    }
}
