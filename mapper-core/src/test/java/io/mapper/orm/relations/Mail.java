package io.mapper.orm.relations;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** An address of an {@link Owner}. */
@Entity
public class Mail {
    @Id @GeneratedValue public Long id;
    @Column(length = 60, nullable = false) public String email;
    @ManyToOne(optional = false) public Owner owner;

    Mail() {
    }

    public Mail(String email) {
        this.email = email;
    }
}
