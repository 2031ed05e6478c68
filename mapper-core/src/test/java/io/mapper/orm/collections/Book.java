package io.mapper.orm.collections;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;

/** An element of a {@link Shelf}. */
@Entity
public class Book {
    @Id @GeneratedValue public Long id;
    @Column(length = 40) public String title;

    Book() {
    }

    public Book(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
