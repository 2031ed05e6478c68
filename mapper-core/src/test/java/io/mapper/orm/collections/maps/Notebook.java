package io.mapper.orm.collections.maps;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.MapKeyColumn;
import io.mapper.orm.annotation.OneToMany;

/** A unidirectional one-to-many kept as a map keyed by a column of the notes' table no attribute maps. */
@Entity
public class Notebook {

    @Id @GeneratedValue public Long id;

    @Column(length = 40) public String title;

    @OneToMany(cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    @JoinColumn(name = "notebook_id")
    @MapKeyColumn(name = "label")
    public Map<String, Note> notes = new LinkedHashMap<>();

    Notebook() {
    }

    public Notebook(String title) {
        this.title = title;
    }
}
