package io.mapper.demo.service;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.Customer;
import io.mapper.demo.domain.OrderCancelled;
import io.mapper.demo.domain.OrderEvent;
import io.mapper.demo.domain.OrderLine;
import io.mapper.demo.domain.OrderPlaced;
import io.mapper.demo.domain.OrderStatus;
import io.mapper.demo.domain.Product;
import io.mapper.demo.domain.Product_;
import io.mapper.demo.domain.PurchaseOrder;
import io.mapper.demo.domain.PurchaseOrder_;
import io.mapper.demo.service.Forms.LineForm;
import io.mapper.demo.service.Forms.OrderForm;
import io.mapper.demo.service.Views.CancelledView;
import io.mapper.demo.service.Views.OrderEventView;
import io.mapper.demo.service.Views.OrderLineView;
import io.mapper.demo.service.Views.PlacedView;
import io.mapper.demo.service.Views.OrderView;
import io.mapper.demo.service.Views.Page;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionOperations;
import io.mapper.schema.Column;
import io.mapper.sql.Sql;

/**
 * Orders. {@link #placeOnce} is one attempt at placing an order in one transaction; {@link OrderPlacement} retries it
 * when it loses a race. Use that one.
 */
@Service
public class OrderService {

    private final SessionOperations session;
    private final CustomerService customers;
    private final ProductService products;
    private final Clock clock;
    private final Column<Long> orderCustomerId;
    private final Column<Long> lineOrderId;
    private final Column<Long> lineProductId;

    public OrderService(SessionOperations session, SessionFactory sessions, CustomerService customers,
            ProductService products, Clock clock) {
        this.session = session;
        this.customers = customers;
        this.products = products;
        this.clock = clock;
        this.orderCustomerId = sessions.metadata().table("purchase_order").column("customer_id", Long.class);
        this.lineOrderId = sessions.metadata().table("order_line").column("order_id", Long.class);
        this.lineProductId = sessions.metadata().table("order_line").column("product_id", Long.class);
    }

    /**
     * Places an order in one transaction: checks and decrements each product's stock, inserts the order and its
     * lines, all or nothing. The product rows are locked ({@code select(Product.class)...forUpdate()}) in id order first, so
     * concurrent orders for the same products wait for each other without deadlocks. The stock decrement is still a
     * versioned UPDATE: should an order have read a stock another transaction changed since, its flush fails with
     * {@code StaleDataException} and nothing is written.
     */
    @Transactional
    public OrderView placeOnce(OrderForm form) {
        Map<Long, Integer> quantities = new TreeMap<>();
        for (LineForm line : form.lines()) {
            quantities.merge(line.productId(), line.quantity(), Integer::sum);
        }
        // Lock the product rows first (and before any other read, so that MariaDB's snapshot starts after the
        // lock): concurrent orders for the same products then queue here instead of failing their version checks
        // over and over under load. SQLite has no row locks; the whole database is its lock (see OrderPlacement).
        session.scalars(select(Product.class).where(Product_.id.in(quantities.keySet())).orderBy(Product_.id.asc())
                .forUpdate()).all();
        Customer customer = customers.find(form.customerId());
        PurchaseOrder order = new PurchaseOrder(customer, LocalDateTime.now(clock));
        for (Map.Entry<Long, Integer> entry : quantities.entrySet()) {
            Product product = products.find(entry.getKey());
            int quantity = entry.getValue();
            if (product.getStock() < quantity) {
                throw new InsufficientStockException(product.getId(), product.getSku(), quantity, product.getStock());
            }
            BigDecimal lineTotal = product.getPrice().multiply(BigDecimal.valueOf(quantity));
            BigDecimal total = order.getTotal().add(lineTotal);
            if (total.compareTo(PurchaseOrder.MAX_TOTAL) > 0) {
                throw new UnprocessableException("Order too large", "The order's total of " + total.toPlainString()
                        + " exceeds the largest total an order can have, " + PurchaseOrder.MAX_TOTAL.toPlainString()
                        + ". Split it into smaller orders.", Map.of("limit", PurchaseOrder.MAX_TOTAL));
            }
            product.setStock(product.getStock() - quantity);
            order.addLine(product, quantity);
        }
        order.addEvent(new OrderPlaced(order.getPlacedAt(), order.getLines().size(), order.getTotal()));
        session.add(order);
        session.flush();
        return view(order);
    }

    /** One order with its lines. */
    @Transactional(readOnly = true)
    public OrderView get(long id) {
        PurchaseOrder order = session.get(PurchaseOrder.class, id);
        if (order == null) {
            throw new NotFoundException("Order", id);
        }
        return view(order);
    }

    /**
     * A customer's orders, newest first; the lines and their products come in two more statements per page (and
     * the products' categories in one more: a to-one is loaded with its object). The products' tags are not needed.
     */
    @Transactional(readOnly = true)
    public Page<OrderView> ofCustomer(long customerId, int page, int size) {
        customers.find(customerId);
        long total = session.query(PurchaseOrder.class).filter(orderCustomerId.eq(customerId)).count();
        List<OrderView> items = session.scalars(select(PurchaseOrder.class).where(orderCustomerId.eq(customerId))
                        .orderBy(PurchaseOrder_.placedAt.desc(), PurchaseOrder_.id.desc()).limit(size)
                        .offset(page * size).options(selectInLoad("lines").selectInLoad("product").lazyLoad("tags")))
                .stream().map(OrderService::view).toList();
        return Page.of(items, page, size, total);
    }

    /**
     * Cancels a placed order and puts its quantities back in stock; cancelling twice is a 409. The order row is
     * locked first ({@code SELECT ... FOR UPDATE}), then its products in id order (the order placement's order, so
     * the two cannot deadlock), all before any plain read: concurrent cancels of one order queue on its row, and the
     * second one reads the first one's committed CANCELLED. SQLite has no row locks; there the loser of two
     * concurrent cancels fails to write, and {@link OrderPlacement#cancel} runs it again. Stock cannot grow beyond
     * {@link Product#MAX_STOCK}: such a cancel is a 409 and changes nothing.
     */
    @Transactional
    public OrderView cancel(long id) {
        session.scalars(select(PurchaseOrder.class).where(PurchaseOrder_.id.eq(id)).forUpdate()).all();
        List<Long> productIds = session.execute(Sql.select(lineProductId).where(lineOrderId.eq(id))
                .orderBy(lineProductId.asc()).forUpdate()).scalars(Long.class).all().stream().distinct().toList();
        if (!productIds.isEmpty()) {
            session.scalars(select(Product.class).where(Product_.id.in(productIds)).orderBy(Product_.id.asc())
                    .forUpdate()).all();
        }
        PurchaseOrder order = session.get(PurchaseOrder.class, id);
        if (order == null) {
            throw new NotFoundException("Order", id);
        }
        if (order.getStatus() == OrderStatus.CANCELLED) {
            throw new ConflictException("Order already cancelled", "Order " + id + " is cancelled already.",
                    Map.of("orderStatus", order.getStatus().name()));
        }
        order.setStatus(OrderStatus.CANCELLED);
        int unitsRestocked = 0;
        for (OrderLine line : order.getLines()) {
            Product product = line.getProduct();
            long restored = (long) product.getStock() + line.getQuantity();
            if (restored > Product.MAX_STOCK) {
                throw new ConflictException("Stock limit", "Cancelling order " + id + " would raise the stock of "
                        + "product " + product.getSku() + " to " + restored + ", above the limit of "
                        + Product.MAX_STOCK + ". Lower the product's stock first.",
                        Map.of("productId", product.getId(), "sku", product.getSku(), "limit", Product.MAX_STOCK));
            }
            product.setStock((int) restored);
            unitsRestocked += line.getQuantity();
        }
        order.addEvent(new OrderCancelled(LocalDateTime.now(clock), unitsRestocked));
        session.flush();
        return view(order);
    }

    /**
     * An order's history, oldest first. {@code history} is a one-to-many to the base class of a single-table
     * hierarchy: its one SELECT returns every kind of event, each built as its own subclass from the {@code kind}
     * column.
     */
    @Transactional(readOnly = true)
    public List<OrderEventView> history(long id) {
        PurchaseOrder order = session.get(PurchaseOrder.class, id);
        if (order == null) {
            throw new NotFoundException("Order", id);
        }
        return order.getHistory().stream().map(OrderService::view).toList();
    }

    static OrderEventView view(OrderEvent event) {
        long id = Objects.requireNonNull(event.getId(), "an event is flushed before it is shown");
        if (event instanceof OrderPlaced placed) {
            return new PlacedView(id, "PLACED", placed.getOccurredAt(), placed.getLineCount(), placed.getTotal());
        }
        if (event instanceof OrderCancelled cancelled) {
            return new CancelledView(id, "CANCELLED", cancelled.getOccurredAt(), cancelled.getUnitsRestocked());
        }
        throw new IllegalStateException("An order event of an unknown kind: " + event.getClass().getName());
    }

    static OrderView view(PurchaseOrder order) {
        Customer customer = order.getCustomer();
        return new OrderView(order.getId(), customer.getId(), customer.getName(), order.getPlacedAt(),
                order.getStatus().name(), order.getTotal(), order.getLines().stream().map(line -> {
                    Product product = line.getProduct();
                    return new OrderLineView(product.getId(), product.getSku(), product.getName(),
                            line.getQuantity(), line.getUnitPrice(), line.getLineTotal());
                }).toList());
    }
}
