package io.mapper.orm.relations;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** An employee and their manager (a self-reference that may point at itself or form a cycle). */
@Entity
public class Employee {
    @Id @GeneratedValue public Long id;
    public String name;
    @ManyToOne public Employee manager;

    Employee() {
    }

    public Employee(String name) {
        this.name = name;
    }
}
