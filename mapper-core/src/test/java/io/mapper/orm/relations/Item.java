package io.mapper.orm.relations;

import java.util.LinkedHashSet;
import java.util.Set;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinTable;
import io.mapper.orm.annotation.ManyToMany;

/** A product with tags (many-to-many through an association table; the owning side). */
@Entity
public class Item {
    @Id @GeneratedValue public Long id;
    public String name;
    @ManyToMany
    @JoinTable(name = "item_label", joinColumn = "item_id", inverseJoinColumn = "label_id")
    public Set<Label> labels = new LinkedHashSet<>();

    Item() {
    }

    public Item(String name) {
        this.name = name;
    }
}
