package io.mapper.orm.loading;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** An album, by an {@link Artist} or (a compilation) by none. */
@Entity
public class Album {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String title;
    @ManyToOne public Artist artist;

    Album() {
    }

    public Album(String title) {
        this.title = title;
    }
}
