package io.mapper.demo.domain;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.DiscriminatorColumn;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Inheritance;
import io.mapper.orm.annotation.InheritanceType;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.Table;

/**
 * Something that happened to an order, kept as its history: a class hierarchy in one table ({@code order_event},
 * single-table inheritance), whose {@code kind} column says which subclass a row is. {@code PurchaseOrder.history}
 * is a one-to-many to this base class, so loading it returns {@link OrderPlaced}s and {@link OrderCancelled}s, each
 * complete.
 */
@Entity
@Table(name = "order_event")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 12)
public abstract class OrderEvent {

    @Id @GeneratedValue
    private @Nullable Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", onDelete = "CASCADE")
    private @Nullable PurchaseOrder order;

    @Column(nullable = false)
    private LocalDateTime occurredAt;

    OrderEvent() {
        this.occurredAt = LocalDateTime.MIN;
    }

    OrderEvent(LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable PurchaseOrder getOrder() {
        return order;
    }

    void setOrder(PurchaseOrder order) {
        this.order = order;
    }

    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }
}
