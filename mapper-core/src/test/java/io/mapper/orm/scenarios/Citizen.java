package io.mapper.orm.scenarios;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToOne;

/** The inverse side of a one-to-one: the passport holds the key. */
@Entity
public class Citizen {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @OneToOne(mappedBy = "citizen") public Passport passport;

    Citizen() {
    }

    public Citizen(String name) {
        this.name = name;
    }
}
