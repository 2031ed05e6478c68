package io.mapper.demo;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.aot.DisabledInAotMode;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile inputs of issue 19, one row each, sent byte for byte over a socket to the demo on every database (the
 * subclasses): each is answered with the expected 4xx as problem+json without internals, and the database is the
 * same afterwards (row counts, stock, versions, order statuses and all customer text).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledInAotMode // AOT mode runs SqliteStoreApiIT only (demo-service/pom.xml, aot-http-tests)
abstract class HostileInputContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Engine engine;

    static Stream<Arguments> hostileRequests() {
        String line = "{\"customerId\": 1, \"lines\": [{\"productId\": 1, \"quantity\": %s}]}";
        String customer = "{\"email\": \"hostile@example.com\", \"name\": %s}";
        String product = "{\"sku\": \"HOSTILE\", \"name\": \"Hostile\", \"price\": %s, \"stock\": %s, \"tags\": []}";
        return Stream.of(
                // malformed or non-UTF-8 percent-escapes, in known and unknown query parameters and in the path
                row("invalid UTF-8 escape in q", "GET", "/api/products?q=%FF", "", 400),
                row("malformed escape in q", "GET", "/api/products?q=%G1", "", 400),
                row("truncated escape in q", "GET", "/api/products?q=abc%2", "", 400),
                row("invalid escape in an unknown parameter", "GET", "/api/products?whatever=%FF", "", 400),
                row("malformed escape in an unknown parameter", "GET", "/api/customers?x=%G1", "", 400),
                row("overlong UTF-8 escape", "GET", "/api/products?q=%C0%AF", "", 400),
                row("NUL escape in q", "GET", "/api/products?q=a%00b", "", 400),
                row("malformed escape in the path", "GET", "/api/products/1%G1", "", 400),
                row("invalid UTF-8 escape in the path", "GET", "/api/products/%FF", "", 400),
                // path ids read loosely before: 0x10 was 16, "1 5" and "15\t" were 15, ";..." was ignored
                row("hex id", "POST", "/api/orders/0x10/cancel", "", 400),
                row("id with an escaped blank inside", "POST", "/api/orders/1%205/cancel", "", 400),
                row("id with an escaped tab after it", "POST", "/api/orders/15%09/cancel", "", 400),
                row("id with a path parameter", "POST", "/api/orders/15;x=1/cancel", "", 400),
                row("path parameter after the action", "POST", "/api/orders/15/cancel;jsessionid=1", "", 400),
                row("id with a plus sign", "DELETE", "/api/products/+1", "", 400),
                row("negative id", "DELETE", "/api/customers/-1", "", 400),
                row("id beyond long", "GET", "/api/customers/99999999999999999999", "", 400),
                row("hex id on a change", "PUT", "/api/customers/0x1",
                        "{\"email\": \"x@example.com\", \"name\": \"X\"}", 400),
                row("hex page number", "GET", "/api/products?page=0x1", "", 400),
                row("page size with a blank", "GET", "/api/products?size=%2010", "", 400),
                // JSON read strictly
                row("fractional quantity", "POST", "/api/orders", line.formatted("1.9"), 400),
                row("quantity as a string", "POST", "/api/orders", line.formatted("\"2\""), 400),
                row("quantity as a boolean", "POST", "/api/orders", line.formatted("true"), 400),
                row("quantity in exponent form", "POST", "/api/orders", line.formatted("1e0"), 400),
                row("customer id as a string", "POST", "/api/orders",
                        "{\"customerId\": \"1\", \"lines\": [{\"productId\": 1, \"quantity\": 1}]}", 400),
                row("name as a number", "POST", "/api/customers", customer.formatted("5"), 400),
                row("name as a boolean", "POST", "/api/customers", customer.formatted("true"), 400),
                row("name as an object", "POST", "/api/customers", customer.formatted("{\"a\": 1}"), 400),
                row("name with a NUL", "POST", "/api/customers", customer.formatted("\"a\\u0000b\""), 400),
                row("name with a lone high surrogate", "POST", "/api/customers", customer.formatted("\"\\ud800\""),
                        400),
                row("name with a lone low surrogate", "POST", "/api/customers", customer.formatted("\"x\\udc00\""),
                        400),
                row("price as a string", "POST", "/api/products", product.formatted("\"12.50\"", "1"), 400),
                row("stock beyond int", "POST", "/api/products", product.formatted("1.00", "2147483648"), 400),
                row("stock beyond the limit", "POST", "/api/products", product.formatted("1.00", "2147483647"), 400),
                row("stock as a fraction", "POST", "/api/products", product.formatted("1.00", "3.5"), 400),
                row("price beyond its column", "POST", "/api/products", product.formatted("123456789.00", "1"), 400),
                row("not JSON", "POST", "/api/customers", "{\"email\": ", 400),
                row("unknown path", "GET", "/api/nothing-here", "", 404));
    }

    /** Bodies with raw bytes that are not UTF-8: an overlong '/' (C0 AF), a lone continuation byte, Latin-1. */
    static Stream<Arguments> invalidUtf8Bodies() {
        return Stream.of(
                Arguments.of("overlong slash", bytes("{\"email\": \"o@example.com\", \"name\": \"a", 0xC0, 0xAF, "b\"}")),
                Arguments.of("lone continuation byte", bytes("{\"email\": \"o@example.com\", \"name\": \"a", 0x80,
                        "\"}")),
                Arguments.of("Latin-1 e acute", bytes("{\"email\": \"o@example.com\", \"name\": \"caf", 0xE9, "\"}")),
                Arguments.of("UTF-8 encoded surrogate", bytes("{\"email\": \"o@example.com\", \"name\": \"", 0xED,
                        0xA0, 0x80, "\"}")));
    }

    private static Arguments row(String name, String method, String target, String body, int status) {
        return Arguments.of(name, method, target, body, status);
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequestIsRefusedAndChangesNothing(String name, String method, String target, String body,
            int status) throws Exception {
        String before = snapshot();
        RawHttp.Response response = RawHttp.send(port, method, target, body.getBytes(StandardCharsets.UTF_8));
        assertProblem(response, status);
        assertThat(snapshot()).as("database after %s", name).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8Bodies")
    void bodyThatIsNotUtf8IsRefusedAndChangesNothing(String name, byte[] body) throws Exception {
        String before = snapshot();
        assertProblem(RawHttp.send(port, "POST", "/api/customers", body), 400);
        assertThat(snapshot()).as("database after %s", name).isEqualTo(before);
    }

    private static void assertProblem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as("status; body: %s", response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace", "SELECT", "INSERT", "UPDATE ",
                "Tomcat", "<html");
    }

    /** Everything the hostile requests could have changed. */
    private String snapshot() {
        List<String> parts = new ArrayList<>();
        try (Connection conn = engine.connect()) {
            for (String table : List.of("customer", "shipping_address", "category", "tag", "product", "product_tag",
                    "review", "purchase_order", "order_line")) {
                parts.add(table + "=" + conn.execute(text("SELECT COUNT(*) FROM " + table)).scalar(Long.class));
            }
            parts.add("stock=" + conn.execute(text("SELECT SUM(stock) FROM product")).scalar(Long.class));
            parts.add("versions=" + conn.execute(text("SELECT SUM(version) FROM product")).scalar(Long.class));
            parts.add("statuses=" + conn.execute(text("SELECT status, COUNT(*) FROM purchase_order GROUP BY status "
                    + "ORDER BY status")).all().stream().map(row -> row.get(0) + ":" + row.get(1)).toList());
            parts.add("customers=" + conn.execute(text("SELECT id, email, name FROM customer ORDER BY id")).all()
                    .stream().map(row -> row.get(0) + "/" + row.get(1) + "/" + row.get(2)).toList());
        }
        return String.join("\n", parts);
    }
}
