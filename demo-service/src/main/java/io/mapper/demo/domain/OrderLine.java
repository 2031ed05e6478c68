package io.mapper.demo.domain;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.ManyToOne;

/**
 * The association entity between an order and a product, carrying what the link itself knows: the quantity and the
 * unit price at the time of the order (prices change later). The database deletes lines with their order.
 */
@Entity
public class OrderLine {

    @Id @GeneratedValue
    private @Nullable Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", onDelete = "CASCADE")
    private @Nullable PurchaseOrder order;

    @ManyToOne(optional = false)
    private @Nullable Product product;

    private int quantity;

    @Column(precision = 10, scale = 2, nullable = false)
    private BigDecimal unitPrice;

    @Column(precision = 12, scale = 2, nullable = false)
    private BigDecimal lineTotal;

    OrderLine() {
        this.unitPrice = BigDecimal.ZERO;
        this.lineTotal = BigDecimal.ZERO;
    }

    OrderLine(PurchaseOrder order, Product product, int quantity, BigDecimal unitPrice) {
        this.order = order;
        this.product = product;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.lineTotal = unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable PurchaseOrder getOrder() {
        return order;
    }

    public @Nullable Product getProduct() {
        return product;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getLineTotal() {
        return lineTotal;
    }
}
