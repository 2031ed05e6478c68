package io.mapper.orm.scenarios;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** A customer whose orders are deleted with it but not when orphaned (cascade all, no delete-orphan). */
@Entity
public class Customer {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @OneToMany(mappedBy = "customer", cascade = Cascade.ALL, orderBy = "id")
    public List<PurchaseOrder> orders = new ArrayList<>();

    Customer() {
    }

    public Customer(String name) {
        this.name = name;
    }

    /** Links both sides, for objects not yet in a session. */
    public PurchaseOrder add(PurchaseOrder order) {
        orders.add(order);
        order.customer = this;
        return order;
    }
}
