package io.mapper.orm.naming;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;

/** A track, listed in playlists. */
@Entity
public class Track {

    @Id
    public Long trackId;

    @Column(length = 200)
    public String name;

    protected Track() {
    }

    public Track(Long trackId, String name) {
        this.trackId = trackId;
        this.name = name;
    }
}
