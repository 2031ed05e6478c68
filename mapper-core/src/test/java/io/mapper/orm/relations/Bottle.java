package io.mapper.orm.relations;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** A child of a {@link Crate}, whose reference keeps the default cascade (SAVE_UPDATE only). */
@Entity
public class Bottle {
    @Id @GeneratedValue public Long id;
    public String label;
    @ManyToOne public Crate crate;

    Bottle() {
    }

    public Bottle(String label) {
        this.label = label;
    }
}
