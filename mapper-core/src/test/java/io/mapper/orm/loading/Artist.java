package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** An artist and their albums; the collection is lazy, so a query for albums loads no more than it joins. */
@Entity
public class Artist {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @OneToMany(mappedBy = "artist", fetch = FetchStrategy.LAZY, orderBy = "title")
    public List<Album> albums = new ArrayList<>();

    Artist() {
    }

    public Artist(String name) {
        this.name = name;
    }

    /** Adds an album and returns this artist. */
    public Artist with(Album album) {
        albums.add(album);
        album.artist = this;
        return this;
    }
}
