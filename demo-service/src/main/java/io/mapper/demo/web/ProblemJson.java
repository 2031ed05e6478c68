package io.mapper.demo.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A minimal problem+json body for the places that answer before Spring MVC does (a servlet filter, the container's
 * error report), where the application's JSON mapper is out of reach. Everything non-ASCII is escaped, so that an
 * echoed request path cannot break the JSON.
 */
final class ProblemJson {

    static final String CONTENT_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    static byte[] body(int status, String title, String detail, @Nullable String instance) {
        StringBuilder json = new StringBuilder(200).append("{\"type\":\"about:blank\",\"title\":");
        string(json, title).append(",\"status\":").append(status).append(",\"detail\":");
        string(json, detail);
        if (instance != null) {
            string(json.append(",\"instance\":"), instance);
        }
        return json.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    static void write(OutputStream out, byte[] body) throws IOException {
        out.write(body);
        out.flush();
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }
}
