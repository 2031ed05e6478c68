package io.mapper.orm.scenarios;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToOne;

/** The owning side of a one-to-one (a unique, nullable citizen_id). */
@Entity
public class Passport {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String number;
    @OneToOne public Citizen citizen;

    Passport() {
    }

    public Passport(String number) {
        this.number = number;
    }
}
