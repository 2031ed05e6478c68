package io.mapper.orm.relations.compositekey;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.Table;

/** A parent keyed by two columns (SQLAlchemy's CompositeJoinPartialFK {@code parent(x, y)}), owning its cells. */
@Entity
@Table(name = "grid")
public class Grid {
    @Id public Integer x;
    @Id public Integer y;
    @Column(length = 30) public String name;

    @OneToMany(mappedBy = "grid", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "data")
    public List<Cell> cells = new ArrayList<>();

    Grid() {
    }

    public Grid(int x, int y, String name) {
        this.x = x;
        this.y = y;
        this.name = name;
    }

    /** Adds a cell (mapper's collection sets the cell's reference when loaded; a new list does not). */
    public Cell add(String data) {
        Cell cell = new Cell(data);
        cell.grid = this;
        cells.add(cell);
        return cell;
    }
}
