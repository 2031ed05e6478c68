package io.mapper.orm.collections;

import java.util.LinkedHashSet;
import java.util.Set;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.OneToMany;

/** A unidirectional one-to-many set without delete-orphan: a removed book stays, its shelf_id NULL. */
@Entity
public class Shelf {
    @Id @GeneratedValue public Long id;
    @Column(length = 40) public String label;
    @OneToMany @JoinColumn(name = "shelf_id")
    public Set<Book> books = new LinkedHashSet<>();

    Shelf() {
    }

    public Shelf(String label) {
        this.label = label;
    }
}
