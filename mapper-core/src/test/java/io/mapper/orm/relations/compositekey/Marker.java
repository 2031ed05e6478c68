package io.mapper.orm.relations.compositekey;

import io.mapper.orm.Ref;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToOne;
import io.mapper.orm.annotation.Table;

/**
 * A marker on a {@link Grid} through a lazily loaded {@link Ref} holder, and the one grid it is the pin of (an owning
 * one-to-one over a composite key: a UNIQUE constraint over both columns).
 */
@Entity
@Table(name = "marker")
public class Marker {
    @Id @GeneratedValue public Long id;
    @Column(length = 30) public String label;
    @ManyToOne public Ref<Grid> grid = Ref.empty();

    @OneToOne
    @JoinColumn(name = "pin_x", referencedColumnName = "x")
    @JoinColumn(name = "pin_y", referencedColumnName = "y")
    public Grid pin;

    Marker() {
    }

    public Marker(String label, Grid grid) {
        this.label = label;
        this.grid = Ref.of(grid);
    }
}
