package io.mapper.orm.tracking;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.Table;

/** The element of {@link TrackedShelf#getBooks()}: an enhanced entity whose reference's writes are counted. */
@Entity
@Table(name = "tracked_book")
public class TrackedBook {

    /** Reads of {@link #getShelf()} since the last {@link #resetReads()}. */
    static int reads;

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40, nullable = false)
    private String title;

    @ManyToOne
    private TrackedShelf shelf;

    protected TrackedBook() {
    }

    public TrackedBook(String title) {
        this.title = title;
    }

    static void resetReads() {
        reads = 0;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public TrackedShelf getShelf() {
        reads++;
        return shelf;
    }

    public void setShelf(TrackedShelf shelf) {
        this.shelf = shelf;
    }
}
