package io.mapper.orm.relations.compositekey;

import java.util.LinkedHashSet;
import java.util.Set;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.JoinTable;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.Table;

/**
 * A board with tags (a many-to-many to an entity with a composite key: {@code board_tag(board_id, tag_ns,
 * tag_name)}) and grids (a many-to-many whose default columns are {@code board_id}, {@code grid_x}, {@code grid_y}).
 */
@Entity
@Table(name = "board")
public class Board {
    @Id public Long id;
    @Column(length = 30) public String title;

    @ManyToMany(orderBy = "name")
    @JoinTable(name = "board_tag", inverseJoinColumns = {
            @JoinColumn(name = "tag_ns", referencedColumnName = "namespace"),
            @JoinColumn(name = "tag_name", referencedColumnName = "name")})
    public Set<Tag> tags = new LinkedHashSet<>();

    @ManyToMany
    public Set<Grid> grids = new LinkedHashSet<>();

    Board() {
    }

    public Board(long id, String title) {
        this.id = id;
        this.title = title;
    }
}
