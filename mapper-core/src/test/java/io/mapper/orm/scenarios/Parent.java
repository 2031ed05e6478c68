package io.mapper.orm.scenarios;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** A parent whose children are deleted with it and when orphaned (cascade all, delete-orphan). */
@Entity
public class Parent {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @OneToMany(mappedBy = "parent", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "id")
    public List<Child> children = new ArrayList<>();

    Parent() {
    }

    public Parent(String name) {
        this.name = name;
    }

    /** Links both sides, for objects not yet in a session. */
    public Child add(Child child) {
        children.add(child);
        child.parent = this;
        return child;
    }
}
