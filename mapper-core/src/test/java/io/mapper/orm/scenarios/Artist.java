package io.mapper.orm.scenarios;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** An artist with albums: a plain one-to-many (save-update only) mirrored by {@link Album#artist}. */
@Entity
public class Artist {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @OneToMany(mappedBy = "artist", orderBy = "id")
    public List<Album> albums = new ArrayList<>();

    Artist() {
    }

    public Artist(String name) {
        this.name = name;
    }

    /** Links both sides, for objects not yet in a session. */
    public Album add(Album album) {
        albums.add(album);
        album.artist = this;
        return album;
    }
}
