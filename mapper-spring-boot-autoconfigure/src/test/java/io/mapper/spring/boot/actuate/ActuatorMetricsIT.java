package io.mapper.spring.boot.actuate;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.mapper.engine.Engine;

/** mapper.query timings reach Actuator's metrics endpoint over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:actuator;DB_CLOSE_DELAY=-1",
        "management.endpoints.web.exposure.include=health,metrics" })
class ActuatorMetricsIT {

    @SpringBootApplication
    static class App {
    }

    @LocalServerPort
    int port;

    @Autowired
    Engine engine;

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void queryTimingsAppearPerOperation() throws Exception {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE IF NOT EXISTS item (id INTEGER PRIMARY KEY, label VARCHAR(20))"));
            conn.execute(text("INSERT INTO item (id, label) VALUES (1, 'a')"));
            conn.execute(text("SELECT * FROM item")).all();
            conn.execute(text("SELECT * FROM item")).all();
        });
        String all = get("/actuator/metrics/mapper.query");
        assertThat(all).contains("\"name\":\"mapper.query\"").contains("db.operation.name")
                .contains("\"select\"").contains("\"insert\"").contains("\"ddl\"");
        String selects = get("/actuator/metrics/mapper.query?tag=db.operation.name:select");
        assertThat(selects).contains("\"statistic\":\"COUNT\",\"value\":2.0");
        String inserts = get("/actuator/metrics/mapper.query?tag=db.operation.name:insert&tag=db.system.name:h2");
        assertThat(inserts).contains("\"statistic\":\"COUNT\",\"value\":1.0");
    }
}
