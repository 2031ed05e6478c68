package io.mapper.spring.boot.relations;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** A book on a {@link Shelf}. */
@Entity
public class Book {
    @Id @GeneratedValue public Long id;
    public String title;
    @ManyToOne public Shelf shelf;

    Book() {
    }

    public Book(String title) {
        this.title = title;
    }
}
