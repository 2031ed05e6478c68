package io.mapper.orm.filters;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** A book; {@code deleted} marks it soft-deleted, which the "live" filter hides. */
@Entity
public class Book {

    @Id @GeneratedValue public Long id;

    @Column(length = 40, nullable = false) public String title;

    public boolean deleted;

    @ManyToOne public Shelf shelf;

    Book() {
    }

    public Book(String title, boolean deleted) {
        this.title = title;
        this.deleted = deleted;
    }
}
