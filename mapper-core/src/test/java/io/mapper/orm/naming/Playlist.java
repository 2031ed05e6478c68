package io.mapper.orm.naming;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToMany;

/** A playlist of tracks: a many-to-many whose association table and key sequence the naming strategy names. */
@Entity
public class Playlist {

    @Id
    @GeneratedValue(strategy = GenerationStrategy.SEQUENCE)
    public Long playlistId;

    @Column(length = 120)
    public String name;

    @ManyToMany
    public List<Track> tracks = new ArrayList<>();

    protected Playlist() {
    }

    public Playlist(String name) {
        this.name = name;
    }
}
