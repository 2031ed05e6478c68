package io.mapper.spring.boot.aot.parcels;

import io.mapper.orm.annotation.Embeddable;
import io.mapper.orm.annotation.Embedded;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;

/** An entity with an embedded record and a stored enum, for the AOT tests. */
@Entity
public class Parcel {

    /** Where a parcel goes: two columns of the parcel's table. */
    @Embeddable
    public record Destination(String city, String postcode) {
    }

    /** A parcel's state, stored by name. */
    public enum State { PACKED, SENT }

    @Id @GeneratedValue public Long id;
    @Embedded public Destination destination;
    public State state = State.PACKED;

    Parcel() {
    }

    public Parcel(Destination destination) {
        this.destination = destination;
    }
}
