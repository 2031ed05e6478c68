package io.mapper.orm.tracking;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.Table;

/**
 * An enhanced entity with a one-to-many and a many-to-many, and nothing a write cannot show: a session holding only
 * such objects flushes the objects it was told of. Its collection getters count their reads, so a test sees whether
 * the flush looked at it.
 */
@Entity
@Table(name = "tracked_shelf")
public class TrackedShelf {

    /** Reads of {@link #getBooks()} and {@link #getTags()} since the last {@link #resetReads()}. */
    static int reads;

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String name;

    @OneToMany(mappedBy = "shelf")
    private List<TrackedBook> books = new ArrayList<>();

    @ManyToMany(cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE})
    private List<TrackedTag> tags = new ArrayList<>();

    protected TrackedShelf() {
    }

    public TrackedShelf(String name) {
        this.name = name;
    }

    static void resetReads() {
        reads = 0;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<TrackedBook> getBooks() {
        reads++;
        return books;
    }

    public void setBooks(List<TrackedBook> books) {
        this.books = books;
    }

    public List<TrackedTag> getTags() {
        reads++;
        return tags;
    }
}
