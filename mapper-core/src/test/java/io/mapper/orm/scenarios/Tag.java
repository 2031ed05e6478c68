package io.mapper.orm.scenarios;

import java.util.LinkedHashSet;
import java.util.Set;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToMany;

/** The inverse side of {@link Post#tags}. */
@Entity
public class Tag {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @ManyToMany(mappedBy = "tags")
    public Set<Post> posts = new LinkedHashSet<>();

    Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }
}
