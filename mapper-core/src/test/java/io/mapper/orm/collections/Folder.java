package io.mapper.orm.collections;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.OneToMany;

/** A self-referential unidirectional one-to-many: the children know no parent attribute, parent_id is the list's. */
@Entity
public class Folder {
    @Id @GeneratedValue public Long id;
    @Column(length = 40) public String name;
    @OneToMany(cascade = Cascade.ALL) @JoinColumn(name = "parent_id")
    public List<Folder> children = new ArrayList<>();

    Folder() {
    }

    public Folder(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
