package io.mapper.orm.scenarios;

import java.util.LinkedHashSet;
import java.util.Set;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinTable;
import io.mapper.orm.annotation.ManyToMany;

/** The owning side of a many-to-many with cascade all, delete-orphan (M2MCascadeTest). */
@Entity
public class Bundle {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @ManyToMany(cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    @JoinTable(name = "bundle_part", joinColumn = "bundle_id", inverseJoinColumn = "part_id")
    public Set<Part> parts = new LinkedHashSet<>();

    Bundle() {
    }

    public Bundle(String name) {
        this.name = name;
    }
}
