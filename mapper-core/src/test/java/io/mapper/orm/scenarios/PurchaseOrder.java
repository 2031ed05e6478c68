package io.mapper.orm.scenarios;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** An order of a {@link Customer}; its key may be NULL. */
@Entity
public class PurchaseOrder {
    @Id @GeneratedValue public Long id;
    @Column(length = 40) public String description;
    @ManyToOne public Customer customer;

    PurchaseOrder() {
    }

    public PurchaseOrder(String description) {
        this.description = description;
    }
}
