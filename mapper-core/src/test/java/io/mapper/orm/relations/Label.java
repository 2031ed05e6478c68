package io.mapper.orm.relations;

import java.util.LinkedHashSet;
import java.util.Set;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToMany;

/** A tag of items (the inverse side of the many-to-many). */
@Entity
public class Label {
    @Id @GeneratedValue public Long id;
    public String text;
    @ManyToMany(mappedBy = "labels")
    public Set<Item> items = new LinkedHashSet<>();

    Label() {
    }

    public Label(String text) {
        this.text = text;
    }
}
