package io.mapper.demo.service;

import static io.mapper.sql.Sql.count;
import static io.mapper.sql.Sql.rank;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.sum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.OrderStatus;
import io.mapper.demo.service.Views.MonthlyRevenue;
import io.mapper.demo.service.Views.TopProduct;
import io.mapper.engine.Row;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionOperations;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.FunctionCall;
import io.mapper.sql.Label;
import io.mapper.sql.Select;

/**
 * Reports written in the Core expression language over the mapped tables (no entities are loaded): aggregates with
 * GROUP BY, and window functions ranking products overall and within their category. The same code runs on SQLite,
 * PostgreSQL and MariaDB; each dialect renders it.
 */
@Service
public class ReportService {

    private final SessionOperations session;
    private final Table customer;
    private final Table order;
    private final Table line;
    private final Table product;
    private final Table category;

    public ReportService(SessionOperations session, SessionFactory sessions) {
        this.session = session;
        MetaData metadata = sessions.metadata();
        this.customer = metadata.table("customer");
        this.order = metadata.table("purchase_order");
        this.line = metadata.table("order_line");
        this.product = metadata.table("product");
        this.category = metadata.table("category");
    }

    /**
     * Revenue per customer per month of the placed (not cancelled) orders, months ascending, biggest customers
     * first; optionally from and to a month ({@code 2026-01}, inclusive) and for one customer.
     *
     * <pre>
     * SELECT customer.id, customer.name, purchase_order.placed_month, COUNT(*) AS orders,
     *        SUM(purchase_order.total) AS revenue
     * FROM purchase_order JOIN customer ON purchase_order.customer_id = customer.id
     * WHERE purchase_order.status = ? [AND purchase_order.placed_month >= ? ...]
     * GROUP BY customer.id, customer.name, purchase_order.placed_month
     * ORDER BY purchase_order.placed_month, revenue DESC, customer.id
     * </pre>
     */
    @Transactional(readOnly = true)
    public List<MonthlyRevenue> revenueByCustomerAndMonth(@Nullable String fromMonth, @Nullable String toMonth,
            @Nullable Long customerId) {
        Column<Long> id = customer.column("id", Long.class);
        Column<String> name = customer.column("name", String.class);
        Column<String> month = order.column("placed_month", String.class);
        Label<Long> orders = count().label("orders");
        Label<BigDecimal> revenue = sum(order.column("total", BigDecimal.class)).label("revenue");
        List<Condition> where = new ArrayList<>();
        where.add(order.column("status", OrderStatus.class).eq(OrderStatus.PLACED));
        if (fromMonth != null) {
            where.add(month.ge(fromMonth));
        }
        if (toMonth != null) {
            where.add(month.le(toMonth));
        }
        if (customerId != null) {
            where.add(id.eq(customerId));
        }
        Select query = select(id, name, month, orders, revenue)
                .from(order).join(customer, order.column("customer_id", Long.class).eq(id))
                .where(where.toArray(Condition[]::new))
                .groupBy(id, name, month)
                .orderBy(month.asc(), revenue.desc(), id.asc());
        return session.execute(query).stream().map(row -> new MonthlyRevenue(row.get(id), row.get(name),
                row.get(month), row.get(orders), money(row, revenue))).toList();
    }

    /**
     * The best-selling products by revenue, ranked overall and within their category by two window functions over
     * the aggregate:
     *
     * <pre>
     * SELECT product.id, product.sku, product.name, category.name AS category,
     *        SUM(order_line.quantity) AS units_sold, SUM(order_line.line_total) AS revenue,
     *        RANK() OVER (ORDER BY SUM(order_line.line_total) DESC) AS sales_rank,
     *        RANK() OVER (PARTITION BY product.category_id ORDER BY SUM(order_line.line_total) DESC) AS category_rank
     * FROM order_line JOIN purchase_order ON ... JOIN product ON ... LEFT OUTER JOIN category ON ...
     * WHERE purchase_order.status = ?
     * GROUP BY product.id, product.sku, product.name, product.category_id, category.name
     * ORDER BY sales_rank, product.id
     * LIMIT ?
     * </pre>
     */
    @Transactional(readOnly = true)
    public List<TopProduct> topProducts(int limit) {
        Column<Long> id = product.column("id", Long.class);
        Column<String> sku = product.column("sku", String.class);
        Column<String> name = product.column("name", String.class);
        Column<Long> categoryId = product.column("category_id", Long.class);
        Label<String> categoryName = category.column("name", String.class).label("category");
        Label<Long> units = sum(line.column("quantity", Integer.class)).cast(io.mapper.types.Types.BIGINT)
                .label("units_sold");
        FunctionCall<BigDecimal> revenueSum = sum(line.column("line_total", BigDecimal.class));
        Label<BigDecimal> revenue = revenueSum.label("revenue");
        Label<Long> salesRank = rank().overOrder(revenueSum.desc()).label("sales_rank");
        Label<Long> categoryRank = rank().over(List.of(categoryId), List.of(revenueSum.desc()), null)
                .label("category_rank");
        Select query = select(id, sku, name, categoryName, units, revenue, salesRank, categoryRank)
                .from(line)
                .join(order, line.column("order_id", Long.class).eq(order.column("id", Long.class)))
                .join(product, line.column("product_id", Long.class).eq(id))
                .outerJoin(category, categoryId.eq(category.column("id", Long.class)))
                .where(order.column("status", OrderStatus.class).eq(OrderStatus.PLACED))
                .groupBy(id, sku, name, categoryId, category.column("name", String.class))
                .orderBy(salesRank.asc(), id.asc())
                .limit(limit);
        return session.execute(query).stream().map(row -> new TopProduct(number(row, salesRank),
                number(row, categoryRank), row.get(id), row.get(sku), row.get(name), row.get(categoryName),
                number(row, units), money(row, revenue))).toList();
    }

    private static long number(Row row, Expression<Long> expression) {
        return ((Number) Objects.requireNonNull(row.get(expression))).longValue();
    }

    /** Money with two decimals: SQLite sums NUMERIC values as floating point. */
    private static BigDecimal money(Row row, Expression<BigDecimal> expression) {
        Object value = row.get(expression);
        BigDecimal amount = value instanceof BigDecimal decimal ? decimal
                : new BigDecimal(String.valueOf(Objects.requireNonNull(value)));
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
