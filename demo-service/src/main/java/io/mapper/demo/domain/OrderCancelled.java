package io.mapper.demo.domain;

import java.time.LocalDateTime;

import io.mapper.orm.annotation.DiscriminatorValue;
import io.mapper.orm.annotation.Entity;

/** An order was cancelled: how many units went back into stock (a row of {@code order_event}, kind CANCELLED). */
@Entity
@DiscriminatorValue("CANCELLED")
public class OrderCancelled extends OrderEvent {

    private int unitsRestocked;

    OrderCancelled() {
    }

    public OrderCancelled(LocalDateTime occurredAt, int unitsRestocked) {
        super(occurredAt);
        this.unitsRestocked = unitsRestocked;
    }

    public int getUnitsRestocked() {
        return unitsRestocked;
    }
}
