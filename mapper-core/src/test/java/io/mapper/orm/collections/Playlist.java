package io.mapper.orm.collections;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.OrderColumn;

/** A bidirectional ordered list: the tracks' foreign key is their many-to-one's, the position the list's. */
@Entity
public class Playlist {
    @Id @GeneratedValue public Long id;
    @Column(length = 40) public String name;
    @OneToMany(mappedBy = "playlist", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    @OrderColumn(name = "seq")
    public List<Track> tracks = new ArrayList<>();

    Playlist() {
    }

    public Playlist(String name) {
        this.name = name;
    }
}
