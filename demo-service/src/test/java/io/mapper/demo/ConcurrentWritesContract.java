package io.mapper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.aot.DisabledInAotMode;

import io.mapper.demo.domain.Product;

/**
 * Every read-modify-write endpoint of the demo under {@value #CLIENTS} concurrent identical requests, over real HTTP,
 * run per database by the subclasses: the effect of exactly one of them, the others a clean 409 (never a 5xx, never
 * the effect twice); and the bounds that keep stock and totals from wrapping or overflowing their columns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledInAotMode // AOT mode runs SqliteStoreApiIT only (demo-service/pom.xml, aot-http-tests)
abstract class ConcurrentWritesContract {

    static final int CLIENTS = 16;

    @LocalServerPort
    int port;

    Api api;
    String unique;

    @BeforeEach
    void client() {
        api = new Api(port);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void concurrentCancelsOfOneOrderRestoreTheStockOnce() {
        long product = product("99.00", 10);
        long customer = customer();
        long order = api.post("/api/orders", "{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": 3}]}"
                .formatted(customer, product)).expect(201).json().path("id").asLong();
        assertThat(stock(product)).isEqualTo(7);

        Map<Integer, Integer> statuses = concurrently(() -> api.post("/api/orders/" + order + "/cancel", ""));

        assertThat(statuses).containsEntry(200, 1);
        assertThat(statuses.keySet()).isSubsetOf(200, 409);
        assertThat(stock(product)).isEqualTo(10);
        assertThat(api.get("/api/orders/" + order).expect(200).json().path("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void concurrentIdenticalProductChangesApplyOnceAndTheRestAreStale() {
        long product = product("10.00", 5);
        String change = """
                {"sku": "SKU-%s", "name": "Changed %s", "price": 12.50, "stock": 8, "tags": [], "version": 1}
                """.formatted(unique, unique);

        Map<Integer, Integer> statuses = concurrently(() -> api.put("/api/products/" + product, change));

        assertThat(statuses).containsEntry(200, 1);
        assertThat(statuses.keySet()).isSubsetOf(200, 409);
        var read = api.get("/api/products/" + product).expect(200).json();
        assertThat(read.path("version").asLong()).isEqualTo(2);
        assertThat(read.path("stock").asInt()).isEqualTo(8);
    }

    @Test
    void concurrentIdenticalCustomerChangesLeaveOneAddress() {
        long customer = api.post("/api/customers", "{\"email\": \"c-%s@example.com\", \"name\": \"C\"}"
                .formatted(unique)).expect(201).json().path("id").asLong();
        String change = """
                {"email": "c-%s@example.com", "name": "C2",
                 "address": {"street": "2 Side St", "postalCode": "999", "city": "Shelbyville", "country": "US"}}
                """.formatted(unique);

        Map<Integer, Integer> statuses = concurrently(() -> api.put("/api/customers/" + customer, change));

        // Changing a customer sets its fields: repeating it changes nothing, so every request may succeed.
        assertThat(statuses).containsKey(200);
        assertThat(statuses.keySet()).isSubsetOf(200, 409);
        var read = api.get("/api/customers/" + customer).expect(200).json();
        assertThat(read.path("name").asString()).isEqualTo("C2");
        assertThat(read.path("address").path("city").asString()).isEqualTo("Shelbyville");
    }

    @Test
    void concurrentDeletesOfOneCustomerDeleteItOnce() {
        long customer = api.post("/api/customers", "{\"email\": \"d-%s@example.com\", \"name\": \"D\"}"
                .formatted(unique)).expect(201).json().path("id").asLong();

        Map<Integer, Integer> statuses = concurrently(() -> api.delete("/api/customers/" + customer));

        assertThat(statuses).containsEntry(204, 1);
        assertThat(statuses.keySet()).isSubsetOf(204, 404, 409);
        api.get("/api/customers/" + customer).problem(404);
    }

    @Test
    void stockAboveTheLimitIsRefused() {
        api.post("/api/products", """
                {"sku": "BIG-%s", "name": "Big", "price": 1.00, "stock": 2147483647, "tags": []}
                """.formatted(unique)).problem(400);
        long product = product("1.00", 5);
        api.put("/api/products/" + product, """
                {"sku": "SKU-%s", "name": "P %s", "price": 1.00, "stock": %d, "tags": [], "version": 1}
                """.formatted(unique, unique, Product.MAX_STOCK + 1)).problem(400);
        assertThat(stock(product)).isEqualTo(5);
    }

    @Test
    void aCancelThatWouldRaiseStockAboveTheLimitIsAConflictAndChangesNothing() {
        long product = product("1.00", 5);
        long order = api.post("/api/orders", "{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": 5}]}"
                .formatted(customer(), product)).expect(201).json().path("id").asLong();
        long version = api.get("/api/products/" + product).expect(200).json().path("version").asLong();
        api.put("/api/products/" + product, """
                {"sku": "SKU-%s", "name": "P %s", "price": 1.00, "stock": %d, "tags": [], "version": %d}
                """.formatted(unique, unique, Product.MAX_STOCK, version)).expect(200);

        var problem = api.post("/api/orders/" + order + "/cancel", "").problem(409);

        assertThat(problem.path("title").asString()).isEqualTo("Stock limit");
        assertThat(stock(product)).isEqualTo(Product.MAX_STOCK);
        assertThat(api.get("/api/orders/" + order).expect(200).json().path("status").asString()).isEqualTo("PLACED");
    }

    @Test
    void anOrderWhoseTotalDoesNotFitIsUnprocessableAndChangesNothing() {
        long expensive = product("99999999.99", 1000);
        long cheaper = product("9999999.99", 1000);
        long customer = customer();
        // One line beyond NUMERIC(12, 2) ...
        api.post("/api/orders", "{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": 1000}]}"
                .formatted(customer, expensive)).problem(422);
        // ... and lines that each fit but whose sum does not.
        var problem = api.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1000}, {"productId": %d, "quantity": 2}]}
                """.formatted(customer, cheaper, expensive)).problem(422);
        assertThat(problem.path("title").asString()).isEqualTo("Order too large");
        assertThat(stock(expensive)).isEqualTo(1000);
        assertThat(stock(cheaper)).isEqualTo(1000);
        assertThat(api.get("/api/customers/" + customer + "/orders").expect(200).json().path("total").asLong())
                .isZero();
    }

    private Map<Integer, Integer> concurrently(Supplier<Api.Response> request) {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> responses = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                responses.add(clients.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Api.Response> future : responses) {
                Api.Response response = future.get(60, TimeUnit.SECONDS);
                if (response.status() >= 400) {
                    response.problem(response.status());
                }
                statuses.merge(response.status(), 1, Integer::sum);
            }
            return statuses;
        } catch (Exception e) {
            throw new AssertionError("A concurrent request failed: " + e, e);
        } finally {
            clients.shutdownNow();
        }
    }

    private long product(String price, int stock) {
        return api.post("/api/products", """
                {"sku": "SKU-%s", "name": "P %s", "price": %s, "stock": %d, "tags": []}
                """.formatted(unique + "-" + UUID.randomUUID().toString().substring(0, 4), unique, price, stock))
                .expect(201).json().path("id").asLong();
    }

    private long customer() {
        return api.post("/api/customers", "{\"email\": \"o-%s-%s@example.com\", \"name\": \"O\"}"
                .formatted(unique, UUID.randomUUID().toString().substring(0, 4))).expect(201).json().path("id")
                .asLong();
    }

    private int stock(long product) {
        return api.get("/api/products/" + product).expect(200).json().path("stock").asInt();
    }
}
