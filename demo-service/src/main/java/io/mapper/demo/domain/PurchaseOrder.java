package io.mapper.demo.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.Table;

/**
 * An order of a customer ({@code ORDER} is an SQL keyword, hence the table name). Its lines are saved and deleted
 * with it. {@code placedMonth} ({@code 2026-03}) is kept next to {@code placedAt} so that the monthly report groups
 * by a plain column on every database, without a per-database date function.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {

    /** The largest total an order can have: its column is NUMERIC(12, 2). */
    public static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999.99");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    @Id @GeneratedValue
    private @Nullable Long id;

    @ManyToOne(optional = false)
    private @Nullable Customer customer;

    @Column(nullable = false)
    private LocalDateTime placedAt;

    @Column(length = 7, nullable = false, index = true)
    private String placedMonth;

    @Column(length = 12, nullable = false)
    private OrderStatus status;

    @Column(precision = 12, scale = 2, nullable = false)
    private BigDecimal total;

    @OneToMany(mappedBy = "order", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "id")
    private List<OrderLine> lines = new ArrayList<>();

    /** What happened to the order, oldest first: a collection of the base class, loaded with each row's subclass. */
    @OneToMany(mappedBy = "order", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, fetch = FetchStrategy.LAZY,
            orderBy = "id")
    private List<OrderEvent> history = new ArrayList<>();

    PurchaseOrder() {
        this.placedAt = LocalDateTime.MIN;
        this.placedMonth = "";
        this.status = OrderStatus.PLACED;
        this.total = BigDecimal.ZERO;
    }

    public PurchaseOrder(Customer customer, LocalDateTime placedAt) {
        this.customer = customer;
        this.placedAt = placedAt;
        this.placedMonth = placedAt.format(MONTH);
        this.status = OrderStatus.PLACED;
        this.total = BigDecimal.ZERO;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable Customer getCustomer() {
        return customer;
    }

    public LocalDateTime getPlacedAt() {
        return placedAt;
    }

    public String getPlacedMonth() {
        return placedMonth;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    public List<OrderEvent> getHistory() {
        return history;
    }

    /** Records that {@code event} happened to this order. */
    public <E extends OrderEvent> E addEvent(E event) {
        event.setOrder(this);
        history.add(event);
        return event;
    }

    /** Adds a line for {@code quantity} of {@code product} at its current price, and adds it to the total. */
    public OrderLine addLine(Product product, int quantity) {
        OrderLine line = new OrderLine(this, product, quantity, product.getPrice());
        lines.add(line);
        total = total.add(line.getLineTotal());
        return line;
    }
}
