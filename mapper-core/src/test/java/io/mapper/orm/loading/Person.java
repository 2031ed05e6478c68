package io.mapper.orm.loading;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** A person and their manager: a self-referential reference. */
@Entity
public class Person {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @ManyToOne public Person manager;

    Person() {
    }

    public Person(String name, Person manager) {
        this.name = name;
        this.manager = manager;
    }
}
