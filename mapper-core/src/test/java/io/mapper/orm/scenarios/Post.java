package io.mapper.orm.scenarios;

import java.util.LinkedHashSet;
import java.util.Set;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinTable;
import io.mapper.orm.annotation.ManyToMany;

/** The owning side of a many-to-many (writes post_tag rows). */
@Entity
public class Post {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String title;
    @ManyToMany
    @JoinTable(name = "post_tag", joinColumn = "post_id", inverseJoinColumn = "tag_id")
    public Set<Tag> tags = new LinkedHashSet<>();

    Post() {
    }

    public Post(String title) {
        this.title = title;
    }
}
