package io.mapper.demo.service;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.Customer;
import io.mapper.demo.domain.OrderLine;
import io.mapper.demo.domain.OrderStatus;
import io.mapper.demo.domain.Product;
import io.mapper.demo.domain.Product_;
import io.mapper.demo.domain.PurchaseOrder;
import io.mapper.demo.domain.PurchaseOrder_;
import io.mapper.demo.service.Forms.LineForm;
import io.mapper.demo.service.Forms.OrderForm;
import io.mapper.demo.service.Views.OrderLineView;
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

    public OrderService(SessionOperations session, SessionFactory sessions, CustomerService customers,
            ProductService products, Clock clock) {
        this.session = session;
        this.customers = customers;
        this.products = products;
        this.clock = clock;
        this.orderCustomerId = sessions.metadata().table("purchase_order").column("customer_id", Long.class);
    }

    /**
     * Places an order in one transaction: checks and decrements each product's stock, inserts the order and its
     * lines, all or nothing. The product rows are locked ({@code SELECT ... FOR UPDATE}) in id order first, so
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
        session.execute(Sql.select(Product_.id).where(Product_.id.in(quantities.keySet())).orderBy(Product_.id.asc())
                .forUpdate()).all();
        Customer customer = customers.find(form.customerId());
        PurchaseOrder order = new PurchaseOrder(customer, LocalDateTime.now(clock));
        for (Map.Entry<Long, Integer> entry : quantities.entrySet()) {
            Product product = products.find(entry.getKey());
            int quantity = entry.getValue();
            if (product.getStock() < quantity) {
                throw new InsufficientStockException(product.getId(), product.getSku(), quantity, product.getStock());
            }
            product.setStock(product.getStock() - quantity);
            order.addLine(product, quantity);
        }
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

    /** Cancels a placed order and puts its quantities back in stock; cancelling twice is a 409. */
    @Transactional
    public OrderView cancel(long id) {
        PurchaseOrder order = session.get(PurchaseOrder.class, id);
        if (order == null) {
            throw new NotFoundException("Order", id);
        }
        if (order.getStatus() == OrderStatus.CANCELLED) {
            throw new ConflictException("Order already cancelled", "Order " + id + " is cancelled already.",
                    Map.of("orderStatus", order.getStatus().name()));
        }
        order.setStatus(OrderStatus.CANCELLED);
        for (OrderLine line : order.getLines()) {
            Product product = line.getProduct();
            product.setStock(product.getStock() + line.getQuantity());
        }
        session.flush();
        return view(order);
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
