package io.mapper.dialect;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where a dialect's connections go, read from the JDBC URL the connection was established with (no query is sent):
 * the OpenTelemetry attributes {@code db.namespace}, {@code server.address} and {@code server.port}.
 *
 * @param namespace the database (PostgreSQL: {@code database|schema}, the schema from {@code currentSchema}), or
 *     null when the URL names none
 * @param serverAddress the host of a server database, or null for an embedded one
 * @param serverPort the port the URL gives, or the database's default port when it gives none; 0 when embedded
 * @param defaultPort the database's default port; 0 when embedded
 */
public record DatabaseTarget(@Nullable String namespace, @Nullable String serverAddress, int serverPort,
        int defaultPort) {

    /** A target nothing is known about. */
    public static final DatabaseTarget UNKNOWN = new DatabaseTarget(null, null, 0, 0);

    /** Whether the URL uses a port other than the database's default one (OpenTelemetry then reports it). */
    public boolean usesNonDefaultPort() {
        return serverAddress != null && serverPort != defaultPort;
    }

    /**
     * Reads {@code jdbc:<subprotocol>://host[:port][,more hosts][/database][?parameters]}: the first host, its port
     * (or {@code defaultPort}), and the database path segment as the namespace.
     */
    public static DatabaseTarget ofServerUrl(String url, int defaultPort) {
        int hostStart = url.indexOf("//");
        if (hostStart < 0) {
            return UNKNOWN;
        }
        int end = firstOf(url, hostStart + 2, "/?;");
        String hosts = url.substring(hostStart + 2, end);
        String host = hosts.split(",", 2)[0];
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);                  // never report credentials given before the host
        }
        int port = defaultPort;
        int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
        if (colon >= 0) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = defaultPort;
            }
            host = host.substring(0, colon);
        }
        String database = null;
        if (end < url.length() && url.charAt(end) == '/') {
            int databaseEnd = firstOf(url, end + 1, "?;");
            database = url.substring(end + 1, databaseEnd);
        }
        return new DatabaseTarget(database == null || database.isEmpty() ? null : database,
                host.isEmpty() ? null : host, port, defaultPort);
    }

    /** A copy whose namespace is {@code database|schema} (either part alone when the other is missing). */
    public DatabaseTarget withSchema(@Nullable String schema) {
        if (schema == null || schema.isEmpty()) {
            return this;
        }
        return new DatabaseTarget(namespace == null ? schema : namespace + "|" + schema, serverAddress, serverPort,
                defaultPort);
    }

    /** The value of a {@code name=value} URL parameter (after {@code ?} or {@code ;}, case-insensitive), or null. */
    public static @Nullable String urlParameter(String url, String name) {
        String lower = url.toLowerCase(Locale.ROOT);
        String key = name.toLowerCase(Locale.ROOT) + "=";
        int from = 0;
        while (true) {
            int found = lower.indexOf(key, from);
            if (found < 0) {
                return null;
            }
            char before = found == 0 ? ' ' : lower.charAt(found - 1);
            if (before == '?' || before == '&' || before == ';') {
                int valueEnd = firstOf(url, found + key.length(), "&;");
                return url.substring(found + key.length(), valueEnd);
            }
            from = found + key.length();
        }
    }

    private static int firstOf(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
