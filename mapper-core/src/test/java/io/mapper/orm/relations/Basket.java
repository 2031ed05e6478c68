package io.mapper.orm.relations;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** An order whose lines are an association entity to items; lines are deleted by the database (passive). */
@Entity
public class Basket {
    @Id @GeneratedValue public Long id;
    public String reference;
    @OneToMany(mappedBy = "basket", cascade = Cascade.ALL, passiveDeletes = true)
    public List<Line> lines = new ArrayList<>();

    Basket() {
    }

    public Basket(String reference) {
        this.reference = reference;
    }
}
