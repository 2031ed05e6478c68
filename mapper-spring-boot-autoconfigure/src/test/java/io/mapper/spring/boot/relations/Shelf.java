package io.mapper.spring.boot.relations;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** A shelf of books, for the relationship-related Spring tests. */
@Entity
public class Shelf {
    @Id @GeneratedValue public Long id;
    public String name;
    @OneToMany(mappedBy = "shelf") public List<Book> books = new ArrayList<>();

    Shelf() {
    }

    public Shelf(String name) {
        this.name = name;
    }
}
