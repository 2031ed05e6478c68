package io.mapper.demo;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.aot.DisabledInAotMode;

import io.mapper.engine.Engine;
import tools.jackson.databind.JsonNode;

/**
 * A bounded load test of order placement over real HTTP, run per database by the subclasses: {@value #CLIENTS}
 * clients place random orders for {@value #SECONDS} seconds against a few products, one of which sells out. No
 * request may fail with anything but 201 or a 409 "Insufficient stock"; afterwards the database must hold exactly
 * the orders that were answered with 201 (none lost, none duplicated), stock must never be negative, and every
 * product's stock must equal its initial stock minus what those orders took.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "demo.sample-data=false")
@DisabledInAotMode // AOT mode runs SqliteStoreApiIT only (demo-service/pom.xml, aot-http-tests)
abstract class OrderLoadContract {

    static final int CLIENTS = 32;
    static final int SECONDS = 10;

    @LocalServerPort
    int port;

    @Autowired
    Engine engine;

    @Test
    void concurrentOrdersAreAllOrNothingAndNeverOversell() throws Exception {
        Api api = new Api(port);
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(api.post("/api/customers", """
                    {"email": "load%d@example.com", "name": "Load %d"}""".formatted(i, i)).expect(201).json()
                    .path("id").asLong());
        }
        Map<Long, Integer> initialStock = new HashMap<>();
        List<Long> products = new ArrayList<>();
        String[] prices = {"1.10", "2.20", "3.35", "9.99"};
        for (int i = 0; i < prices.length; i++) {
            int stock = i == 0 ? 60 : 1_000_000;   // the first one sells out during the run
            long id = api.post("/api/products", """
                    {"sku": "LOAD-%d", "name": "Load %d", "price": %s, "stock": %d}""".formatted(i, i, prices[i],
                    stock)).expect(201).json().path("id").asLong();
            products.add(id);
            initialStock.put(id, stock);
        }
        long scarce = products.get(0);

        Queue<JsonNode> placed = new ConcurrentLinkedQueue<>();
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger insufficient = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        List<Long> shuffled = new ArrayList<>(products);
                        java.util.Collections.shuffle(shuffled, random);
                        StringBuilder lines = new StringBuilder();
                        for (long product : shuffled.subList(0, 1 + random.nextInt(3))) {
                            lines.append(lines.isEmpty() ? "" : ", ").append("{\"productId\": ").append(product)
                                    .append(", \"quantity\": ").append(1 + random.nextInt(3)).append('}');
                        }
                        Api.Response response = api.post("/api/orders", "{\"customerId\": %d, \"lines\": [%s]}"
                                .formatted(customers.get(random.nextInt(customers.size())), lines));
                        if (response.status() == 201) {
                            placed.add(response.json());
                        } else if (response.status() == 409
                                && response.json().path("title").asString().equals("Insufficient stock")) {
                            insufficient.incrementAndGet();
                        } else {
                            unexpected.add(response.status() + " " + response.text());
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }

        System.out.printf("[order load] %d clients, %d s: %d orders placed, %d refused for stock, %d other%n",
                CLIENTS, SECONDS, placed.size(), insufficient.get(), unexpected.size());
        assertThat(unexpected).as("responses other than 201 and 409 Insufficient stock").isEmpty();
        assertThat(placed).hasSizeGreaterThan(CLIENTS);
        assertThat(insufficient.get()).as("orders refused for the sold-out product").isPositive();

        // What the clients were told...
        Set<Long> placedIds = new HashSet<>();
        Map<Long, Integer> sold = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int lineCount = 0;
        for (JsonNode order : placed) {
            assertThat(placedIds.add(order.path("id").asLong())).as("order ids are unique").isTrue();
            total = total.add(order.path("total").decimalValue());
            for (JsonNode line : order.path("lines")) {
                sold.merge(line.path("productId").asLong(), line.path("quantity").asInt(), Integer::sum);
                lineCount++;
            }
        }
        // ...is exactly what the database holds.
        Set<Long> storedIds = new HashSet<>(engine.inTransaction(conn -> conn.execute(
                text("SELECT id FROM purchase_order")).scalars(Long.class).all()));
        assertThat(storedIds).as("orders in the database").isEqualTo(placedIds);
        assertThat(number("SELECT COUNT(*) FROM order_line").intValue()).isEqualTo(lineCount);
        assertThat(money("SELECT SUM(total) FROM purchase_order")).isEqualByComparingTo(total);
        assertThat(money("SELECT SUM(line_total) FROM order_line")).isEqualByComparingTo(total);
        for (long product : products) {
            int stock = engine.inTransaction(conn -> conn.execute(text("SELECT stock FROM product WHERE id = :id"),
                    Map.of("id", product)).scalar(Integer.class));
            int soldInDatabase = engine.inTransaction(conn -> conn.execute(text(
                    "SELECT COALESCE(SUM(quantity), 0) FROM order_line WHERE product_id = :id"),
                    Map.of("id", product)).scalar(Integer.class));
            assertThat(stock).as("stock of %d", product).isNotNegative()
                    .isEqualTo(initialStock.get(product) - sold.getOrDefault(product, 0));
            assertThat(soldInDatabase).isEqualTo(sold.getOrDefault(product, 0));
        }
        int scarceStock = engine.inTransaction(conn -> conn.execute(text("SELECT stock FROM product WHERE id = :id"),
                Map.of("id", scarce)).scalar(Integer.class));
        assertThat(scarceStock).as("the scarce product sold out").isLessThan(3);
    }

    private Number number(String sql) {
        return (Number) engine.inTransaction(conn -> conn.execute(text(sql)).scalar());
    }

    private BigDecimal money(String sql) {
        return new BigDecimal(String.valueOf(number(sql))).setScale(2, RoundingMode.HALF_UP);
    }
}
