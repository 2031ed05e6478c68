package io.mapper.orm.relations;

import io.mapper.orm.Ref;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** A note whose author is a lazily loaded reference (a {@link Ref} holder). */
@Entity
public class Note {
    @Id @GeneratedValue public Long id;
    public String text;
    @ManyToOne public Ref<Owner> author = Ref.empty();

    Note() {
    }

    public Note(String text, Owner author) {
        this.text = text;
        this.author = Ref.of(author);
    }
}
