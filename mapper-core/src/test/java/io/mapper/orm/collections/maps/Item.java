package io.mapper.orm.collections.maps;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** An element of a {@link Store}'s map, keyed there by its code. */
@Entity
public class Item {

    @Id @GeneratedValue public Long id;

    @Column(length = 20) public String code;

    @Column(length = 40) public String label;

    @ManyToOne public Store store;

    Item() {
    }

    public Item(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String toString() {
        return code + "=" + label;
    }
}
