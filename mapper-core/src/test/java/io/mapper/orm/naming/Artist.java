package io.mapper.orm.naming;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;

/** Chinook's artist: {@code artist(artist_id, name)} or {@code Artist(ArtistId, Name)}, by naming strategy. */
@Entity
public class Artist {

    @Id
    public Long artistId;

    public String name;

    Artist() {
    }
}
