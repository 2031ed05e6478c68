package io.mapper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The demo's REST API over real HTTP, run once per database by the subclasses: CRUD, the search, the order
 * transaction, reports, Actuator, and every error status with its problem+json body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StoreApiContract {

    @LocalServerPort
    int port;

    Api api;
    String unique;

    @BeforeEach
    void client() {
        api = new Api(port);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- helpers creating data through the API ----

    long customer(String name) {
        return api.post("/api/customers", """
                {"email": "%s-%s@example.com", "name": "%s",
                 "address": {"street": "1 Main St", "postalCode": "12345", "city": "Springfield", "country": "US"}}
                """.formatted(name.toLowerCase().replace(' ', '.'), unique, name)).expect(201).json().path("id")
                .asLong();
    }

    long product(String sku, String price, int stock, Long categoryId, String... tags) {
        String tagList = tags.length == 0 ? "[]" : "[\"" + String.join("\", \"", tags) + "\"]";
        return api.post("/api/products", """
                {"sku": "%s-%s", "name": "%s %s", "price": %s, "stock": %d, "categoryId": %s, "tags": %s}
                """.formatted(sku, unique, sku, unique, price, stock, categoryId, tagList)).expect(201).json()
                .path("id").asLong();
    }

    long category(String name, Long parentId) {
        return api.post("/api/categories", "{\"name\": \"%s-%s\", \"parentId\": %s}".formatted(name, unique,
                parentId)).expect(201).json().path("id").asLong();
    }

    String tag(String name) {
        String full = name + "-" + unique;
        api.post("/api/tags", "{\"name\": \"%s\"}".formatted(full)).expect(201);
        return full;
    }

    int stock(long productId) {
        return api.get("/api/products/" + productId).expect(200).json().path("stock").asInt();
    }

    // ---- CRUD ----

    @Test
    void customersCanBeCreatedReadChangedListedAndDeleted() {
        Api.Response created = api.post("/api/customers", """
                {"email": "kay-%s@example.com", "name": "Kay",
                 "address": {"street": "1 Main St", "postalCode": "12345", "city": "Springfield", "country": "US"}}
                """.formatted(unique)).expect(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("address").path("city").asString()).isEqualTo("Springfield");

        JsonNode read = api.get("/api/customers/" + id).expect(200).json();
        assertThat(read.path("email").asString()).isEqualTo("kay-" + unique + "@example.com");

        JsonNode changed = api.put("/api/customers/" + id, """
                {"email": "kay-%s@example.com", "name": "Kay Renamed"}
                """.formatted(unique)).expect(200).json();
        assertThat(changed.path("name").asString()).isEqualTo("Kay Renamed");
        assertThat(changed.path("address").isNull()).isTrue();
        assertThat(api.get("/api/customers/" + id).expect(200).json().path("address").isNull()).isTrue();

        JsonNode page = api.get("/api/customers?size=100").expect(200).json();
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.path("items").findValuesAsString("name")).contains("Kay Renamed");

        api.delete("/api/customers/" + id).expect(204);
        api.get("/api/customers/" + id).problem(404);
    }

    @Test
    void categoriesFormATreeOfAnyDepth() {
        long root = category("Outdoor", null);
        long child = category("Camping", root);
        long grandChild = category("Tents", child);
        JsonNode tree = api.get("/api/categories/" + root).expect(200).json();
        assertThat(tree.path("children").get(0).path("id").asLong()).isEqualTo(child);
        assertThat(tree.path("children").get(0).path("children").get(0).path("id").asLong()).isEqualTo(grandChild);
        assertThat(tree.path("children").get(0).path("children").get(0).path("parentId").asLong()).isEqualTo(child);
        JsonNode roots = api.get("/api/categories").expect(200).json();
        List<String> rootNames = new ArrayList<>();
        roots.forEach(node -> rootNames.add(node.path("name").asString()));
        assertThat(rootNames).contains("Outdoor-" + unique, "Kitchen", "Garden").doesNotContain("Camping-" + unique);
    }

    @Test
    void productsCarryTagsAndRefuseChangesBasedOnAStaleVersion() {
        String eco = tag("eco");
        String sale = tag("sale");
        long category = category("Lamps", null);
        long id = product("LAMP", "19.99", 7, category, eco);
        JsonNode created = api.get("/api/products/" + id).expect(200).json();
        assertThat(created.path("tags").get(0).asString()).isEqualTo(eco);
        assertThat(created.path("category").path("id").asLong()).isEqualTo(category);
        long version = created.path("version").asLong();

        JsonNode changed = api.put("/api/products/" + id, """
                {"sku": "LAMP-%s", "name": "Desk lamp", "price": 24.50, "stock": 9, "categoryId": %d,
                 "tags": ["%s"], "version": %d}
                """.formatted(unique, category, sale, version)).expect(200).json();
        assertThat(changed.path("price").decimalValue()).isEqualByComparingTo("24.50");
        assertThat(changed.path("version").asLong()).isGreaterThan(version);
        assertThat(changed.path("tags").get(0).asString()).isEqualTo(sale);
        assertThat(changed.path("tags").size()).isEqualTo(1);

        JsonNode stale = api.put("/api/products/" + id, """
                {"sku": "LAMP-%s", "name": "Lost update", "price": 1.00, "stock": 1, "version": %d}
                """.formatted(unique, version)).problem(409);
        assertThat(stale.path("title").asString()).isEqualTo("Stale version");
        assertThat(api.get("/api/products/" + id).expect(200).json().path("name").asString()).isEqualTo("Desk lamp");

        api.delete("/api/products/" + id).expect(204);
        api.get("/api/products/" + id).problem(404);
    }

    @Test
    void reviewsBelongToAProduct() {
        long customer = customer("Reviewer");
        long product = product("BOOK", "12.00", 3, null);
        api.post("/api/products/" + product + "/reviews", """
                {"customerId": %d, "rating": 4, "comment": "Good read."}""".formatted(customer)).expect(201);
        JsonNode reviews = api.get("/api/products/" + product + "/reviews").expect(200).json();
        assertThat(reviews.size()).isEqualTo(1);
        assertThat(reviews.get(0).path("customerName").asString()).isEqualTo("Reviewer");
        JsonNode invalid = api.post("/api/products/" + product + "/reviews", """
                {"customerId": %d, "rating": 6}""".formatted(customer)).problem(400);
        assertThat(invalid.path("errors").get(0).path("field").asString()).isEqualTo("rating");
        // A product's reviews go with it.
        api.delete("/api/products/" + product).expect(204);
    }

    @Test
    void aHiddenReviewLeavesEveryListButAModeratorsThroughTheGlobalFilter() {
        long customer = customer("Critic");
        long product = product("LAMP", "30.00", 3, null);
        long kept = api.post("/api/products/" + product + "/reviews", """
                {"customerId": %d, "rating": 5, "comment": "Bright."}""".formatted(customer)).expect(201).json()
                .path("id").asLong();
        long hidden = api.post("/api/products/" + product + "/reviews", """
                {"customerId": %d, "rating": 1, "comment": "Spam spam spam."}""".formatted(customer)).expect(201)
                .json().path("id").asLong();

        api.delete("/api/products/" + product + "/reviews/" + hidden).expect(204);
        JsonNode shop = api.get("/api/products/" + product + "/reviews").expect(200).json();
        assertThat(shop.findValuesAsString("comment")).containsExactly("Bright.");
        JsonNode moderator = api.get("/api/products/" + product + "/reviews?includeHidden=true").expect(200).json();
        assertThat(moderator.findValues("id")).extracting(JsonNode::asLong).containsExactly(kept, hidden);
        assertThat(moderator.findValues("hidden")).extracting(JsonNode::asBoolean).containsExactly(false, true);
        // The filter makes the hidden review invisible to get(): hiding it again, or through another product, is a 404.
        api.delete("/api/products/" + product + "/reviews/" + hidden).problem(404);
        long other = product("SHADE", "8.00", 1, null);
        api.delete("/api/products/" + other + "/reviews/" + kept).problem(404);
        // Deleting the product deletes its hidden review as well (the cascade runs with the filter off).
        api.delete("/api/products/" + product).expect(204);
        api.get("/api/products/" + product + "/reviews?includeHidden=true").problem(404);
    }

    // ---- search ----

    @Test
    void searchFiltersSortsAndPagesWithATotalCount() {
        String featured = tag("featured");
        long parent = category("Music", null);
        long child = category("Guitars", parent);
        List<Long> ids = new ArrayList<>();
        ids.add(product("SRCH-A", "10.00", 5, parent, featured));
        ids.add(product("SRCH-B", "20.00", 0, child));
        ids.add(product("SRCH-C", "30.00", 5, child, featured));
        ids.add(product("SRCH-D", "40.00", 5, null));
        ids.add(product("SRCH-E", "50.00", 5, child));
        String q = "srch-a-" + unique;   // matches the SKU case-insensitively

        JsonNode all = api.get("/api/products?q=" + unique + "&sort=price,desc&size=2").expect(200).json();
        assertThat(all.path("total").asLong()).isEqualTo(5);
        assertThat(all.path("totalPages").asInt()).isEqualTo(3);
        assertThat(all.path("items").findValuesAsString("sku")).containsExactly("SRCH-E-" + unique,
                "SRCH-D-" + unique);
        JsonNode last = api.get("/api/products?q=" + unique + "&sort=price,desc&size=2&page=2").expect(200).json();
        assertThat(last.path("items").findValuesAsString("sku")).containsExactly("SRCH-A-" + unique);

        assertThat(api.get("/api/products?q=" + q).expect(200).json().path("total").asLong()).isEqualTo(1);
        // A category includes its sub-categories.
        assertThat(api.get("/api/products?category=" + parent + "&sort=price").expect(200).json().path("items")
                .findValuesAsString("sku")).containsExactly("SRCH-A-" + unique, "SRCH-B-" + unique,
                "SRCH-C-" + unique, "SRCH-E-" + unique);
        assertThat(api.get("/api/products?category=" + child + "&inStock=true").expect(200).json().path("total")
                .asLong()).isEqualTo(2);
        assertThat(api.get("/api/products?tag=" + featured + "&sort=price,desc").expect(200).json().path("items")
                .findValuesAsString("sku")).containsExactly("SRCH-C-" + unique, "SRCH-A-" + unique);
        assertThat(api.get("/api/products?q=" + unique + "&minPrice=20&maxPrice=40").expect(200).json()
                .path("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/products?q=" + unique + "&sort=name").expect(200).json().path("items").get(0)
                .path("id").asLong()).isEqualTo(ids.get(0));
    }

    @Test
    void searchRejectsInvalidParametersNamingThem() {
        assertThat(api.get("/api/products?sort=colour").problem(400).path("errors").get(0).path("field")
                .asString()).isEqualTo("sort");
        assertThat(api.get("/api/products?size=0").problem(400).path("errors").get(0).path("field").asString())
                .isEqualTo("size");
        assertThat(api.get("/api/products?minPrice=cheap").problem(400).path("errors").get(0).path("field")
                .asString()).isEqualTo("minPrice");
        assertThat(api.get("/api/products?minPrice=5&maxPrice=1").problem(400).path("errors").get(0)
                .path("field").asString()).isEqualTo("minPrice");
        api.get("/api/products?category=987654").problem(404);
    }

    // ---- orders ----

    @Test
    void placingAnOrderDecrementsStockAndWritesTheOrderWithItsLines() {
        long customer = customer("Buyer");
        long pen = product("PEN", "2.50", 10, null);
        long ink = product("INK", "4.00", 3, null);
        Api.Response placed = api.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 4}, {"productId": %d, "quantity": 3},
                                            {"productId": %d, "quantity": 1}]}
                """.formatted(customer, pen, ink, pen)).expect(201);
        JsonNode order = placed.json();
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("24.50");
        assertThat(order.path("lines").size()).isEqualTo(2);
        assertThat(stock(pen)).isEqualTo(5);
        assertThat(stock(ink)).isZero();

        long id = order.path("id").asLong();
        JsonNode read = api.get("/api/orders/" + id).expect(200).json();
        assertThat(read.path("lines").findValuesAsString("sku")).containsExactly("PEN-" + unique, "INK-" + unique);
        assertThat(read.path("lines").get(0).path("quantity").asInt()).isEqualTo(5);
        JsonNode history = api.get("/api/customers/" + customer + "/orders").expect(200).json();
        assertThat(history.path("total").asLong()).isEqualTo(1);
        assertThat(history.path("items").get(0).path("id").asLong()).isEqualTo(id);

        JsonNode revenue = api.get("/api/reports/revenue?customer=" + customer).expect(200).json();
        assertThat(revenue.size()).isEqualTo(1);
        assertThat(revenue.get(0).path("orders").asLong()).isEqualTo(1);
        assertThat(revenue.get(0).path("revenue").decimalValue()).isEqualByComparingTo("24.50");

        // Cancelling puts the stock back and takes the order out of the revenue; twice is a conflict.
        assertThat(api.post("/api/orders/" + id + "/cancel", "").expect(200).json().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(stock(pen)).isEqualTo(10);
        assertThat(api.get("/api/reports/revenue?customer=" + customer).expect(200).json().size()).isZero();
        api.post("/api/orders/" + id + "/cancel", "").problem(409);

        // The order's history: rows of one table (order_event), each loaded as its own subclass.
        JsonNode events = api.get("/api/orders/" + id + "/history").expect(200).json();
        assertThat(events.findValuesAsString("kind")).containsExactly("PLACED", "CANCELLED");
        assertThat(events.get(0).path("lineCount").asInt()).isEqualTo(2);
        assertThat(events.get(0).path("total").decimalValue()).isEqualByComparingTo("24.50");
        assertThat(events.get(0).has("unitsRestocked")).isFalse();
        assertThat(events.get(1).path("unitsRestocked").asInt()).isEqualTo(8);
        assertThat(events.get(1).has("total")).isFalse();
        api.get("/api/orders/999999999/history").problem(404);
    }

    @Test
    void anOrderWithInsufficientStockWritesNothing() {
        long customer = customer("Hopeful");
        long plenty = product("PLENTY", "1.00", 100, null);
        long scarce = product("SCARCE", "1.00", 2, null);
        JsonNode problem = api.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 5}, {"productId": %d, "quantity": 3}]}
                """.formatted(customer, plenty, scarce)).problem(409);
        assertThat(problem.path("title").asString()).isEqualTo("Insufficient stock");
        assertThat(problem.path("productId").asLong()).isEqualTo(scarce);
        assertThat(problem.path("available").asInt()).isEqualTo(2);
        assertThat(problem.path("requested").asInt()).isEqualTo(3);
        assertThat(stock(plenty)).isEqualTo(100);
        assertThat(stock(scarce)).isEqualTo(2);
        assertThat(api.get("/api/customers/" + customer + "/orders").expect(200).json().path("total").asLong())
                .isZero();
    }

    @Test
    void topProductsAreRankedByRevenueOverallAndWithinTheirCategory() {
        long customer = customer("Collector");
        long category = category("Stamps", null);
        long cheap = product("STAMP-1", "1.00", 100, category);
        long dear = product("STAMP-2", "500.00", 100, category);
        api.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 3}, {"productId": %d, "quantity": 10}]}
                """.formatted(customer, dear, cheap)).expect(201);
        JsonNode top = api.get("/api/reports/top-products?limit=100").expect(200).json();
        JsonNode first = top.get(0);
        assertThat(first.path("productId").asLong()).isEqualTo(dear);
        assertThat(first.path("rank").asLong()).isEqualTo(1);
        assertThat(first.path("rankInCategory").asLong()).isEqualTo(1);
        assertThat(first.path("unitsSold").asLong()).isEqualTo(3);
        assertThat(first.path("revenue").decimalValue()).isEqualByComparingTo("1500.00");
        JsonNode second = null;
        for (JsonNode row : top) {
            if (row.path("productId").asLong() == cheap) {
                second = row;
            }
        }
        assertThat(second).isNotNull();
        assertThat(second.path("rankInCategory").asLong()).isEqualTo(2);
        assertThat(second.path("category").asString()).isEqualTo("Stamps-" + unique);
        assertThat(second.path("revenue").decimalValue()).isEqualByComparingTo(new BigDecimal("10.00"));
        api.get("/api/reports/top-products?limit=0").problem(400);
        api.get("/api/reports/revenue?from=2026-13").problem(400);
    }

    // ---- errors ----

    @Test
    void invalidBodiesAre400sNamingEachField() {
        JsonNode problem = api.post("/api/customers", """
                {"email": "not-an-address", "name": "", "address": {"street": "x", "postalCode": "1", "city": "y",
                 "country": "usa"}}""").problem(400);
        assertThat(problem.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "name", "address.country");
        JsonNode order = api.post("/api/orders", """
                {"customerId": 1, "lines": [{"productId": 1, "quantity": 0}]}""").problem(400);
        assertThat(order.path("errors").get(0).path("field").asString()).isEqualTo("lines[0].quantity");
        assertThat(api.post("/api/orders", "{\"customerId\": 1, \"lines\": []}").problem(400).path("errors")
                .get(0).path("field").asString()).isEqualTo("lines");
        api.post("/api/customers", "{not json").problem(400);
        assertThat(api.post("/api/orders", "{\"customerId\": \"x\", \"lines\": []}").problem(400).path("errors")
                .get(0).path("field").asString()).isEqualTo("customerId");
        assertThat(api.post("/api/orders", """
                {"customerId": 1, "lines": [{"productId": 1, "quantity": 99999999999}]}""").problem(400)
                .path("errors").get(0).path("field").asString()).isEqualTo("lines[0].quantity");
        assertThat(api.get("/api/products/abc").problem(400).path("errors").get(0).path("field").asString())
                .isEqualTo("id");
        assertThat(api.put("/api/products/1", """
                {"sku": "X", "name": "No version", "price": 1.00, "stock": 1}""").problem(400).path("errors").get(0)
                .path("field").asString()).isEqualTo("version");
    }

    @Test
    void unknownIdsAre404s() {
        api.get("/api/customers/987654").problem(404);
        api.get("/api/products/987654").problem(404);
        api.get("/api/orders/987654").problem(404);
        api.get("/api/categories/987654").problem(404);
        api.delete("/api/products/987654").problem(404);
        api.post("/api/orders", "{\"customerId\": 987654, \"lines\": [{\"productId\": 1, \"quantity\": 1}]}")
                .problem(404);
        long customer = customer("Nobody");
        assertThat(api.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": 987654, "quantity": 1}]}""".formatted(customer))
                .problem(404).path("detail").asString()).contains("987654");
        api.post("/api/products", """
                {"sku": "T-%s", "name": "x", "price": 1.00, "stock": 1, "tags": ["no-such-tag"]}""".formatted(unique))
                .problem(404);
    }

    @Test
    void conflictsAre409s() {
        long first = product("DUP", "1.00", 1, null);
        // A unique constraint of the database: the SKU.
        assertThat(api.post("/api/products", """
                {"sku": "DUP-%s", "name": "Again", "price": 1.00, "stock": 1}""".formatted(unique)).problem(409)
                .path("title").asString()).isEqualTo("Already exists");
        String tag = tag("twice");
        api.post("/api/tags", "{\"name\": \"%s\"}".formatted(tag)).problem(409);
        // A checked unique value: the e-mail address.
        long customer = customer("Unique");
        api.post("/api/customers", """
                {"email": "unique-%s@example.com", "name": "Copy"}""".formatted(unique)).problem(409);
        // A foreign key: ordered products and customers with orders stay.
        api.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(customer, first))
                .expect(201);
        assertThat(api.delete("/api/products/" + first).problem(409).path("title").asString())
                .isEqualTo("Still referenced");
        api.delete("/api/customers/" + customer).problem(409);
        api.get("/api/products/" + first).expect(200);
        // Out of stock now.
        api.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(customer, first))
                .problem(409);
    }

    // ---- Actuator ----

    @Test
    void actuatorReportsHealthQueryMetricsAndTheMapping() {
        api.get("/api/products").expect(200);
        assertThat(api.get("/actuator/health").expect(200).json().path("status").asString()).isEqualTo("UP");
        JsonNode selects = api.get("/actuator/metrics/mapper.query?tag=db.operation.name:select").expect(200).json();
        assertThat(selects.path("measurements").get(0).path("value").asDouble()).isPositive();
        JsonNode mapping = api.get("/actuator/mapper").expect(200).json();
        assertThat(mapping.path("entities").findValuesAsString("name")).contains("Product", "PurchaseOrder",
                "OrderLine", "Category", "Tag", "Review", "Customer", "ShippingAddress");
        // Customer.address / ShippingAddress.customer is a @OneToOne on both sides, not a one-to-many/many-to-one.
        List<String> oneToOne = new ArrayList<>();
        for (JsonNode entity : mapping.path("entities")) {
            for (JsonNode relationship : entity.path("relationships")) {
                if (relationship.path("kind").asString().equals("ONE_TO_ONE")) {
                    oneToOne.add(entity.path("name").asString() + "." + relationship.path("property").asString());
                }
            }
        }
        assertThat(oneToOne).containsExactlyInAnyOrder("Customer.address", "ShippingAddress.customer");
    }
}
