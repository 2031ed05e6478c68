package io.mapper.orm.relations;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** A parent whose one-to-many keeps the default cascades (SAVE_UPDATE and MERGE); see {@link MergeDefaultsIT}. */
@Entity
public class Crate {
    @Id @GeneratedValue public Long id;
    public String name;
    @OneToMany(mappedBy = "crate", orderBy = "id")
    public List<Bottle> bottles = new ArrayList<>();

    Crate() {
    }

    public Crate(String name) {
        this.name = name;
    }
}
