package io.mapper.orm.scenarios;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** A child of a {@link Parent}; its key may not be NULL. */
@Entity
public class Child {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @ManyToOne(optional = false) public Parent parent;

    Child() {
    }

    public Child(String name) {
        this.name = name;
    }
}
