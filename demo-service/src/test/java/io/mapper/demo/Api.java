package io.mapper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the running demo, over real HTTP. Thread-safe. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A response: status, content type and the parsed body (a missing node when there is none). */
    record Response(int status, String contentType, String text, JsonNode json) {

        /** Asserts the status and returns the response, showing the body when it differs. */
        Response expect(int expected) {
            assertThat(status).as("HTTP status; body: %s", text).isEqualTo(expected);
            return this;
        }

        /** Asserts a problem+json body with this status and returns it. */
        JsonNode problem(int expected) {
            expect(expected);
            assertThat(contentType).startsWith("application/problem+json");
            assertThat(json.path("status").asInt()).isEqualTo(expected);
            assertThat(json.path("title").asString()).isNotBlank();
            // Never a stack trace, an exception class or SQL in a response.
            assertThat(text).doesNotContain("Exception", "\tat ", "trace", "SELECT", "INSERT", "UPDATE ");
            return json;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), text == null ? "" : text, json);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
