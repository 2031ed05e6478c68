package io.mapper.demo;

import static java.time.temporal.ChronoUnit.MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.aot.DisabledInAotMode;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * What the catalogue and customer APIs gained from mapper's repositories (issue 18), over real HTTP, once per
 * database: sorting and filtering customers through derived queries and checked sort properties, the auditing
 * timestamps, and the tag prefix search.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledInAotMode // AOT mode runs SqliteStoreApiIT only (demo-service/pom.xml, aot-http-tests)
abstract class RepositoryApiContract {

    @LocalServerPort
    int port;

    Api api;
    String unique;

    @BeforeEach
    void client() {
        api = new Api(port);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode customer(String name, String email) {
        return api.post("/api/customers", """
                {"email": "%s-%s@example.com", "name": "%s %s"}""".formatted(email, unique, name, unique))
                .expect(201).json();
    }

    private static List<String> names(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("name").asString().split(" ")[0]).toList();
    }

    @Test
    void customersAreFilteredByNameAndSortedByAnyMappedProperty() {
        customer("Carla", "a");
        customer("Anna", "c");
        customer("Bert", "b");
        JsonNode byName = api.get("/api/customers?name=" + unique).expect(200).json();
        assertThat(names(byName)).containsExactly("Anna", "Bert", "Carla");
        assertThat(byName.path("total").asLong()).isEqualTo(3);
        assertThat(names(api.get("/api/customers?name=" + unique.toUpperCase() + "&sort=email,desc").expect(200)
                .json())).containsExactly("Anna", "Bert", "Carla");
        JsonNode second = api.get("/api/customers?name=" + unique + "&sort=email&size=2&page=1").expect(200).json();
        assertThat(names(second)).containsExactly("Anna");
        assertThat(second.path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownSortPropertyIsABadRequestNamingIt() {
        JsonNode problem = api.get("/api/customers?sort=password").problem(400);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("sort");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("'password'")
                .contains("email");
        assertThat(api.get("/api/customers?sort=address").problem(400).path("errors").get(0).path("field")
                .asString()).isEqualTo("sort");   // a relationship is not a column to sort by
        assertThat(api.get("/api/customers?sort=name,sideways").problem(400).path("errors").get(0).path("message")
                .asString()).contains("asc or desc");
    }

    @Test
    void customersAreAuditedOnCreateAndUpdate() throws InterruptedException {
        JsonNode created = customer("Dora", "d");
        LocalDateTime createdAt = LocalDateTime.parse(created.path("createdAt").asString());
        assertThat(created.path("updatedAt").asString()).isEqualTo(created.path("createdAt").asString());
        Thread.sleep(20);
        long id = created.path("id").asLong();
        JsonNode updated = api.put("/api/customers/" + id, """
                {"email": "d2-%s@example.com", "name": "Dora %s"}""".formatted(unique, unique)).expect(200).json();
        // Read back from the database, whose timestamps may keep fewer fractional digits than the clock.
        assertThat(LocalDateTime.parse(updated.path("createdAt").asString())).isCloseTo(createdAt, within(1, MILLIS));
        LocalDateTime updatedAt = LocalDateTime.parse(updated.path("updatedAt").asString());
        assertThat(updatedAt).isAfter(createdAt.plus(10, MILLIS));
        JsonNode reloaded = api.get("/api/customers/" + id).expect(200).json();
        assertThat(LocalDateTime.parse(reloaded.path("updatedAt").asString())).isCloseTo(updatedAt, within(1, MILLIS));
    }

    @Test
    void tagsAreSearchedByPrefixIgnoringCase() {
        api.post("/api/tags", "{\"name\": \"zz%s-b\"}".formatted(unique)).expect(201);
        api.post("/api/tags", "{\"name\": \"zz%s-a\"}".formatted(unique)).expect(201);
        JsonNode found = api.get("/api/tags?prefix=ZZ" + unique.toUpperCase()).expect(200).json();
        assertThat(found.valueStream().map(tag -> tag.path("name").asString()).toList())
                .containsExactly("zz" + unique + "-a", "zz" + unique + "-b");
        assertThat(api.get("/api/tags?prefix=%25").expect(200).json().size()).isZero();   // LIKE wildcard escaped
    }
}
