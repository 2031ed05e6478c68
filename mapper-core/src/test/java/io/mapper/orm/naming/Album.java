package io.mapper.orm.naming;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** Chinook's album, with no names in its annotations: the naming strategy names its table and columns. */
@Entity
public class Album {

    @Id
    public Long albumId;

    @Column(length = 160, nullable = false)
    public String title;

    @ManyToOne(optional = false)
    public Artist artist;

    Album() {
    }

    public Album(long albumId, String title, Artist artist) {
        this.albumId = albumId;
        this.title = title;
        this.artist = artist;
    }
}
