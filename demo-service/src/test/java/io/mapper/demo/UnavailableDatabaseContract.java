package io.mapper.demo;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.aot.DisabledInAotMode;

import io.mapper.engine.Connection;
import io.mapper.testing.TestDatabase;

/**
 * A held row lock that ties up the whole (small) pool, as in the test: requests that find no connection are
 * answered 503 problem+json with {@code Retry-After} after the pool's connection timeout, not 500 after 30 s, and
 * the service answers normally again once the lock is released. Run on the servers by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=1000"})
@DisabledInAotMode // AOT mode runs SqliteStoreApiIT only (demo-service/pom.xml, aot-http-tests)
abstract class UnavailableDatabaseContract {

    @LocalServerPort
    int port;

    /** The test's database, for a connection outside the application's pool. */
    abstract TestDatabase database();

    @Test
    void aPoolExhaustedByAHeldLockAnswers503WithRetryAfterAndRecovers() throws Exception {
        Api api = new Api(port);
        var product = api.get("/api/products/1").expect(200).json();
        String change = """
                {"sku": "%s", "name": "%s", "price": %s, "stock": %d, "tags": [], "version": %d}
                """.formatted(product.path("sku").asString(), product.path("name").asString(),
                product.path("price").asString(), product.path("stock").asInt(), product.path("version").asLong());
        List<CompletableFuture<Api.Response>> blocked = new ArrayList<>();
        try (Connection holder = database().engine().connect()) {
            holder.execute(text("SELECT id FROM product WHERE id = 1 FOR UPDATE")).all();
            for (int i = 0; i < 2; i++) {
                blocked.add(CompletableFuture.supplyAsync(() -> api.put("/api/products/1", change)));
            }
            Thread.sleep(1500);   // both requests now wait for the lock, each holding one of the two connections

            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/products/2")).timeout(Duration.ofSeconds(20))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).doesNotContain("Exception", "SQL", "Hikari");
            holder.rollback();
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Api.Response> request : blocked) {
            statuses.add(request.get().status());
        }
        // Both changes were based on the same version: one applies, the other is stale.
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        api.get("/api/products/2").expect(200);
    }
}
