package io.mapper.orm.relations;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.ManyToOne;

/** An association entity between a basket and an item, with its own column. */
@Entity
public class Line {
    @Id @GeneratedValue public Long id;
    @ManyToOne(optional = false) @JoinColumn(name = "basket_id", onDelete = "CASCADE") public Basket basket;
    @ManyToOne(optional = false) public Item item;
    public int quantity;

    Line() {
    }

    public Line(Item item, int quantity) {
        this.item = item;
        this.quantity = quantity;
    }
}
