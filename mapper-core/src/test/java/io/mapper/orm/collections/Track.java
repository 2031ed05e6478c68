package io.mapper.orm.collections;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** An element of a {@link Playlist}; its position column belongs to the playlist's list, not to it. */
@Entity
public class Track {
    @Id @GeneratedValue public Long id;
    @Column(length = 40) public String title;
    @ManyToOne public Playlist playlist;

    Track() {
    }

    public Track(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
