package io.mapper.demo.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.DiscriminatorValue;
import io.mapper.orm.annotation.Entity;

/** An order was placed: how many lines and what total it had then (a row of {@code order_event}, kind PLACED). */
@Entity
@DiscriminatorValue("PLACED")
public class OrderPlaced extends OrderEvent {

    private int lineCount;

    @Column(precision = 12, scale = 2)
    private BigDecimal total;

    OrderPlaced() {
        this.total = BigDecimal.ZERO;
    }

    public OrderPlaced(LocalDateTime occurredAt, int lineCount, BigDecimal total) {
        super(occurredAt);
        this.lineCount = lineCount;
        this.total = total;
    }

    public int getLineCount() {
        return lineCount;
    }

    public BigDecimal getTotal() {
        return total;
    }
}
