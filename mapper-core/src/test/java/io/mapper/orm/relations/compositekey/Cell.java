package io.mapper.orm.relations.compositekey;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.Table;

/** A child of a {@link Grid}, referring to it by both key columns: {@code grid_x}, {@code grid_y} by default. */
@Entity
@Table(name = "cell")
public class Cell {
    @Id @GeneratedValue public Long id;
    @Column(length = 30) public String data;
    @ManyToOne public Grid grid;

    Cell() {
    }

    public Cell(String data) {
        this.data = data;
    }
}
