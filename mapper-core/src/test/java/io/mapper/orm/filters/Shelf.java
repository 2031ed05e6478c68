package io.mapper.orm.filters;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** A shelf of books, some of them soft-deleted. */
@Entity
public class Shelf {

    @Id @GeneratedValue public Long id;

    @Column(length = 30, nullable = false) public String name;

    @OneToMany(mappedBy = "shelf", orderBy = "title")
    public List<Book> books = new ArrayList<>();

    Shelf() {
    }

    public Shelf(String name) {
        this.name = name;
    }

    /** Adds a book and returns this shelf. */
    public Shelf with(Book book) {
        books.add(book);
        book.shelf = this;
        return this;
    }
}
