package io.mapper.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import io.mapper.orm.SessionOperations;
import io.mapper.spring.boot.domain.Note;

/** The mapper endpoint, mapper.flush timings and mapper.compiled-cache gauges, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:actuator-orm;DB_CLOSE_DELAY=-1",
        "mapper.orm.packages-to-scan=io.mapper.spring.boot.domain", "mapper.schema=create",
        "management.endpoints.web.exposure.include=health,metrics,mapper" })
class ActuatorMapperEndpointIT {

    @SpringBootApplication
    static class App {
    }

    @LocalServerPort
    int port;

    @Autowired
    SessionOperations session;

    @Autowired
    TransactionTemplate transactions;

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void mapperEndpointListsEntitiesDialectAndCacheStatistics() throws Exception {
        transactions.executeWithoutResult(status -> session.addAll(List.of(new Note("a"), new Note("b"))));
        String body = get("/actuator/mapper");
        assertThat(body).contains("\"dialect\":\"h2\"")
                .contains("\"name\":\"Note\"").contains("\"type\":\"io.mapper.spring.boot.domain.Note\"")
                .contains("\"table\":\"orm_note\"")
                .contains("{\"property\":\"body\",\"column\":\"body\",\"type\":\"VARCHAR(50)\",\"primaryKey\":false,"
                        + "\"nullable\":false}")
                .contains("\"table\":\"orm_label\"")
                .containsPattern("\"compiledCache\":\\{\"hits\":\\d+,\"misses\":[1-9]\\d*,\"size\":[1-9]\\d*,"
                        + "\"maximumSize\":\\d+}");
    }

    @Test
    void flushTimingsAndCacheGaugesReachTheMetricsEndpoint() throws Exception {
        transactions.executeWithoutResult(status -> session.add(new Note("c")));
        transactions.executeWithoutResult(status -> session.add(new Note("d")));
        String flushes = get("/actuator/metrics/mapper.flush?tag=error:none");
        assertThat(flushes).contains("\"name\":\"mapper.flush\"").containsPattern("\"statistic\":\"COUNT\",\"value\":[2-9]");
        String hits = get("/actuator/metrics/mapper.compiled-cache?tag=result:hit");
        assertThat(hits).contains("\"name\":\"mapper.compiled-cache\"").containsPattern("\"value\":[1-9]");
        assertThat(get("/actuator/metrics/mapper.compiled-cache?tag=result:miss")).containsPattern("\"value\":[1-9]");
    }
}
