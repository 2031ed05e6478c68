package io.mapper.orm.collections.maps;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;

/** An element of a {@link Notebook}, which alone knows it: no attribute maps notebook_id or label. */
@Entity
public class Note {

    @Id @GeneratedValue public Long id;

    @Column(length = 40) public String body;

    Note() {
    }

    public Note(String body) {
        this.body = body;
    }

    @Override
    public String toString() {
        return body;
    }
}
