package io.mapper.orm.scenarios;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** An address of a {@link Person}. */
@Entity
public class Address {
    @Id @GeneratedValue public Long id;
    @Column(length = 60, nullable = false) public String email;
    @ManyToOne public Person person;

    Address() {
    }

    public Address(String email) {
        this.email = email;
    }
}
