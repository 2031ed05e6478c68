package io.mapper.orm.scenarios;

import java.util.LinkedHashSet;
import java.util.Set;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToMany;

/** A part of {@link Bundle}s (the inverse side). */
@Entity
public class Part {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @ManyToMany(mappedBy = "parts")
    public Set<Bundle> bundles = new LinkedHashSet<>();

    Part() {
    }

    public Part(String name) {
        this.name = name;
    }
}
