package io.mapper.demo;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.aot.DisabledInAotMode;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.engine.Row;

/**
 * A bounded concurrent order load through the demo while a {@link FaultProxy} between the pool and the database cuts
 * every connection, refuses new ones for two seconds (the database is "down"), cuts them again later, then stalls all
 * traffic for a second and slows every round trip for a second and a half. Afterwards:
 * only 201, 409 and 503 were answered; every order answered 201 is in the database with its line (0 lost); no request
 * produced two orders (0 duplicated: each request orders a quantity unique for its customer); no order lacks its line
 * and the stock moved exactly by the ordered quantities (0 partial); and orders succeed again within a few seconds
 * of the fault ending. Run on PostgreSQL and MariaDB by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=8", "spring.datasource.hikari.connection-timeout=1500",
        "spring.datasource.hikari.validation-timeout=1000", "demo.orders.max-attempts=5"})
@DisabledInAotMode // AOT mode runs SqliteStoreApiIT only (demo-service/pom.xml, aot-http-tests)
abstract class FaultsUnderLoadContract {

    static final int CLIENTS = 12;
    static final int CUSTOMERS = 20;
    static final long SECONDS = 9;
    static final int INITIAL_STOCK = 100_000_000;

    @LocalServerPort
    int port;

    @Autowired
    Engine engine;

    /** The proxy the application's pool connects through. */
    abstract FaultProxy proxy();

    record Outcome(int request, int status, long id, long atNanos) {
    }

    @Test
    void ordersUnderConnectionCutsAreNeverLostDuplicatedOrPartial() throws Exception {
        Api api = new Api(port);
        String unique = Long.toString(System.nanoTime(), 36);
        long product = api.post("/api/products", """
                {"sku": "FAULT-%s", "name": "Fault %s", "price": 1.00, "stock": %d, "tags": []}
                """.formatted(unique, unique, INITIAL_STOCK)).expect(201).json().path("id").asLong();
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(api.post("/api/customers", "{\"email\": \"fault%d-%s@example.com\", \"name\": \"F\"}"
                    .formatted(i, unique)).expect(201).json().path("id").asLong());
        }

        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (System.nanoTime() < deadline) {
                    int request = next.getAndIncrement();
                    if (request >= CUSTOMERS * 1000) {
                        return;
                    }
                    Api.Response response = api.post("/api/orders", """
                            {"customerId": %d, "lines": [{"productId": %d, "quantity": %d}]}
                            """.formatted(customer(customers, request), product, quantity(request)));
                    if (response.status() != 201) {
                        response.problem(response.status());
                    }
                    outcomes.add(new Outcome(request, response.status(),
                            response.status() == 201 ? response.json().path("id").asLong() : -1, System.nanoTime()));
                }
            });
        }

        Thread.sleep(2000);
        proxy().refuse(true);
        proxy().cutAll();
        Thread.sleep(2000);
        proxy().refuse(false);
        long outageEnded = System.nanoTime();
        Thread.sleep(2000);
        proxy().cutAll();
        Thread.sleep(500);
        proxy().stall(true);   // a hung network: in-flight statements wait, then carry on
        Thread.sleep(1000);
        proxy().stall(false);
        proxy().slow(50);      // a slow network: every round trip takes 100 ms more, nothing breaks
        Thread.sleep(1500);
        proxy().slow(0);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Map<Integer, Integer> statuses = new TreeMap<>();
        outcomes.forEach(outcome -> statuses.merge(outcome.status(), 1, Integer::sum));
        assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(201, 409, 503);
        assertThat(statuses).as("statuses %s", statuses).containsKey(201);
        // Recovery: an order succeeded within a few seconds of the database coming back.
        long firstAfter = outcomes.stream().filter(o -> o.status() == 201 && o.atNanos() > outageEnded)
                .mapToLong(Outcome::atNanos).min().orElse(Long.MAX_VALUE);
        assertThat(firstAfter - outageEnded).as("nanoseconds to the first 201 after the outage; statuses %s",
                statuses).isLessThan(TimeUnit.SECONDS.toNanos(5));

        try (Connection conn = engine.connect()) {
            Map<Long, Row> orders = new TreeMap<>();
            for (Row row : conn.execute(text("SELECT o.id, o.customer_id, l.quantity, l.product_id FROM purchase_order o "
                    + "LEFT JOIN order_line l ON l.order_id = o.id WHERE o.customer_id IN (" + join(customers) + ")"))
                    .all()) {
                assertThat(orders.put(((Number) row.get(0)).longValue(), row)).as("one line per order").isNull();
            }
            long moved = 0;
            Set<String> seen = new java.util.HashSet<>();
            for (Row row : orders.values()) {
                assertThat(row.get(2)).as("order %s has its line (not partial)", row.get(0)).isNotNull();
                moved += ((Number) row.get(2)).longValue();
                assertThat(seen.add(row.get(1) + "/" + row.get(2))).as("order %s is not a duplicate", row.get(0))
                        .isTrue();
            }
            for (Outcome outcome : outcomes) {
                if (outcome.status() == 201) {
                    Row row = orders.get(outcome.id());
                    assertThat(row).as("acknowledged order %d is stored (not lost)", outcome.id()).isNotNull();
                    assertThat(((Number) row.get(1)).longValue()).isEqualTo(customer(customers, outcome.request()));
                    assertThat(((Number) row.get(2)).intValue()).isEqualTo(quantity(outcome.request()));
                }
            }
            long stock = ((Number) conn.execute(text("SELECT stock FROM product WHERE id = " + product)).one().get(0))
                    .longValue();
            assertThat(stock).as("stock moved exactly by the stored orders").isEqualTo(INITIAL_STOCK - moved);
        }
    }

    private static long customer(List<Long> customers, int request) {
        return customers.get(request % CUSTOMERS);
    }

    /** Unique per customer for the first 20,000 requests, so that a duplicated order is visible. */
    private static int quantity(int request) {
        return 1 + (request / CUSTOMERS) % 1000;
    }

    private static String join(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }
}
