package io.mapper.orm.collections.maps;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** An element of a {@link Cabinet}'s map: it knows its cabinet, not its slot. */
@Entity
public class Drawer {

    @Id @GeneratedValue public Long id;

    @Column(length = 40) public String content;

    @ManyToOne public Cabinet cabinet;

    Drawer() {
    }

    public Drawer(String content) {
        this.content = content;
    }
}
