package io.mapper.orm.collections;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;

/** An element of an {@link Album}, which alone knows it: no attribute maps album_id or track_no. */
@Entity
public class Song {
    @Id @GeneratedValue public Long id;
    @Column(length = 40) public String title;

    Song() {
    }

    public Song(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
