package io.mapper.orm.relations.compositekey;

import java.util.LinkedHashSet;
import java.util.Set;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.Table;

/** A tag keyed by its namespace and name, on many {@link Board}s through an association table of three columns. */
@Entity
@Table(name = "tag")
public class Tag {
    @Id @Column(length = 20) public String namespace;
    @Id @Column(length = 20) public String name;

    @ManyToMany(mappedBy = "tags")
    public Set<Board> boards = new LinkedHashSet<>();

    Tag() {
    }

    public Tag(String namespace, String name) {
        this.namespace = namespace;
        this.name = name;
    }
}
