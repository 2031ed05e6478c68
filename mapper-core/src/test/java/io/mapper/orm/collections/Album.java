package io.mapper.orm.collections;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.OrderColumn;

/** A unidirectional ordered one-to-many: the songs have no reference back, the album writes both columns. */
@Entity
public class Album {
    @Id @GeneratedValue public Long id;
    @Column(length = 40) public String title;
    @OneToMany(cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    @JoinColumn(name = "album_id")
    @OrderColumn(name = "track_no")
    public List<Song> songs = new ArrayList<>();

    Album() {
    }

    public Album(String title) {
        this.title = title;
    }
}
