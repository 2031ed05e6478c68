package io.mapper.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Engine;
import io.mapper.engine.StatementListener;
import io.mapper.sql.Sql;

/**
 * A database the tests run on: H2 and SQLite (embedded, always), PostgreSQL and MariaDB (servers), found as
 * DESIGN.md's test bed says: a JDBC URL in {@code MAPPER_TEST_POSTGRESQL_URL} / {@code MAPPER_TEST_MARIADB_URL}
 * (with {@code _USER}/{@code _PASSWORD}), else a local server on its default port with its default administrative
 * user ({@link LocalServer}), else Testcontainers where a Docker engine answers, else skipped with a loud
 * log line. {@code MAPPER_TEST_REQUIRE_BACKENDS=h2,sqlite,postgresql,mariadb} turns a skip into a failure.
 *
 * <p>Every test gets its own database (H2, SQLite, MariaDB) or schema (PostgreSQL), dropped afterwards.
 */
public final class Backend {

    /** The backend names, in the order tests run on them. */
    public static final List<String> ALL = List.of("h2", "sqlite", "postgresql", "mariadb");

    /**
     * Names {@code MAPPER_TEST_REQUIRE_BACKENDS} accepts besides the backends: test beds beyond one database each,
     * such as {@code postgresql-replica} (a streaming-replication standby, see {@link ReplicaBed}).
     */
    public static final List<String> EXTRA = List.of(ReplicaBed.TOKEN);

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Map<String, Backend> RESOLVED = new ConcurrentHashMap<>();
    private static volatile @Nullable List<Backend> enabled;

    private final String name;
    private final String url;
    private final @Nullable String user;
    private final @Nullable String password;
    private final Set<Feature> features;
    private volatile @Nullable Engine admin;

    private Backend(String name, String url, @Nullable String user, @Nullable String password, Set<Feature> features) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.features = features;
    }

    /** The backends available here; fails if {@code MAPPER_TEST_REQUIRE_BACKENDS} names one that is not. */
    public static List<Backend> enabled() {
        List<Backend> result = enabled;
        if (result == null) {
            synchronized (Backend.class) {
                result = enabled;
                if (result == null) {
                    result = resolveAll();
                    enabled = result;
                }
            }
        }
        return result;
    }

    /** One backend by name, if it is enabled. */
    public static @Nullable Backend named(String name) {
        return enabled().stream().filter(backend -> backend.name.equals(name)).findFirst().orElse(null);
    }

    /** Whether {@code MAPPER_TEST_REQUIRE_BACKENDS} names this backend or test bed, so that a skip must fail. */
    public static boolean isRequired(String name) {
        return required().contains(name);
    }

    private static Set<String> required() {
        Set<String> required = Arrays.stream(env("MAPPER_TEST_REQUIRE_BACKENDS", "").split(","))
                .map(String::trim).map(value -> value.toLowerCase(Locale.ROOT)).filter(value -> !value.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String name : required) {
            if (!ALL.contains(name) && !EXTRA.contains(name)) {
                throw new IllegalStateException("MAPPER_TEST_REQUIRE_BACKENDS names an unknown backend '" + name
                        + "'; the backends are " + ALL + ", and the test beds " + EXTRA);
            }
        }
        return required;
    }

    private static List<Backend> resolveAll() {
        Set<String> required = required();
        List<Backend> backends = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        backends.add(new Backend("h2", "", null, null, EnumSet.of(Feature.SAVEPOINTS, Feature.CONCURRENT_WRITERS,
                Feature.SEQUENCES, Feature.ROW_LOCKS)));
        backends.add(new Backend("sqlite", "", null, null, EnumSet.of(Feature.RETURNING, Feature.SAVEPOINTS)));
        for (String server : List.of("postgresql", "mariadb")) {
            String prefix = "MAPPER_TEST_" + server.toUpperCase(Locale.ROOT);
            String url = env(prefix + "_URL", "");
            Set<Feature> features = EnumSet.of(Feature.SAVEPOINTS, Feature.SERVER_PROCESS, Feature.CONCURRENT_WRITERS,
                    Feature.SEQUENCES, Feature.ROW_LOCKS);
            if (server.equals("postgresql")) {
                features.add(Feature.RETURNING);
            }
            if (!url.isEmpty()) {
                backends.add(new Backend(server, url, System.getenv(prefix + "_USER"),
                        System.getenv(prefix + "_PASSWORD"), features));
                continue;
            }
            String reason = prefix + "_URL is not set";
            LocalServer.Probe local = LocalServer.probe(server);
            if (local.url() != null) {
                System.err.println("[mapper test bed] " + server + ": " + prefix + "_URL is not set; using the local "
                        + "server on its default port, " + local.url() + " as " + local.user());
                backends.add(new Backend(server, local.url(), local.user(), local.password(), features));
                continue;
            }
            reason += ", " + local.reason() + ",";
            Backend container = Containers.start(server, features);
            if (container != null) {
                backends.add(container);
                continue;
            }
            reason += " and " + Containers.unavailableReason();
            String line = "[mapper test bed] SKIPPING backend " + server + ": " + reason + ". To run the " + server
                    + " tests, " + LocalServer.howToAdd(server) + ", or set " + prefix + "_URL (see README's "
                    + "\"Running the tests\").";
            if (required.contains(server)) {
                failures.add(line);
            } else {
                System.err.println("*".repeat(100));
                System.err.println(line);
                System.err.println("*".repeat(100));
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("MAPPER_TEST_REQUIRE_BACKENDS=" + String.join(",", required)
                    + " requires backends that are not available:\n" + String.join("\n", failures));
        }
        System.err.println("[mapper test bed] backends: " + backends.stream().map(Backend::describe).toList());
        return List.copyOf(backends);
    }

    static Backend server(String name, String url, @Nullable String user, @Nullable String password,
            Set<Feature> features) {
        return new Backend(name, url, user, password, features);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value.trim();
    }

    /** The backend's name: h2, sqlite, postgresql or mariadb. */
    public String name() {
        return name;
    }

    /** Whether this backend supports the feature. */
    public boolean supports(Feature feature) {
        return features.contains(feature);
    }

    /** Whether this is the named backend. */
    public boolean is(String backendName) {
        return name.equals(backendName);
    }

    /** Creates a fresh, empty database for one test, with {@code listeners} on its engine. */
    public TestDatabase createDatabase(StatementListener... listeners) {
        String id = "mt_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 6);
        return switch (name) {
            // "sa" with an empty password is H2's default user, and what Spring Boot assumes for embedded H2.
            case "h2" -> embedded("jdbc:h2:mem:" + id, "sa", "", null, listeners);
            case "sqlite" -> sqlite(id, listeners);
            case "postgresql" -> postgres(id, listeners);
            case "mariadb" -> mariadb(id, listeners);
            default -> throw new IllegalStateException("unknown backend " + name);
        };
    }

    private TestDatabase embedded(String testUrl, @Nullable String embeddedUser, @Nullable String embeddedPassword,
            @Nullable Runnable cleanup, StatementListener... listeners) {
        Engine engine = build(testUrl, embeddedUser, embeddedPassword, listeners);
        return new Database(engine, testUrl, embeddedUser, embeddedPassword, () -> {
            engine.dispose();
            if (cleanup != null) {
                cleanup.run();
            }
        });
    }

    private TestDatabase sqlite(String id, StatementListener... listeners) {
        try {
            Path file = Files.createTempFile(id, ".db");
            return embedded("jdbc:sqlite:" + file, null, null, () -> {
                for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                    try {
                        Files.deleteIfExists(Path.of(file + suffix));
                    } catch (IOException ignored) {
                        // A leftover temp file is harmless.
                    }
                }
            }, listeners);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary SQLite file: " + e.getMessage(), e);
        }
    }

    private TestDatabase postgres(String schema, StatementListener... listeners) {
        admin().begin(conn -> conn.execute(Sql.text("CREATE SCHEMA " + schema)));
        String testUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Engine engine = build(testUrl, listeners);
        return new Database(engine, testUrl, user, password, () -> {
            engine.dispose();
            admin().begin(conn -> conn.execute(Sql.text("DROP SCHEMA " + schema + " CASCADE")));
        });
    }

    private TestDatabase mariadb(String database, StatementListener... listeners) {
        admin().begin(conn -> conn.execute(Sql.text("CREATE DATABASE " + database
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")));
        String testUrl = withDatabase(url, database);
        Engine engine = build(testUrl, listeners);
        return new Database(engine, testUrl, user, password, () -> {
            engine.dispose();
            admin().begin(conn -> conn.execute(Sql.text("DROP DATABASE " + database)));
        });
    }

    /** Replaces the database in a {@code jdbc:mariadb://host:port/db?params} URL. */
    static String withDatabase(String serverUrl, String database) {
        int hostStart = serverUrl.indexOf("//");
        int pathStart = serverUrl.indexOf('/', hostStart + 2);
        int query = serverUrl.indexOf('?');
        String base = pathStart < 0 ? (query < 0 ? serverUrl : serverUrl.substring(0, query))
                : serverUrl.substring(0, pathStart);
        String params = query < 0 ? "" : serverUrl.substring(query);
        return base + "/" + database + params;
    }

    private Engine admin() {
        Engine engine = admin;
        if (engine == null) {
            synchronized (this) {
                engine = admin;
                if (engine == null) {
                    engine = build(url, new StatementListener[0]);
                    admin = engine;
                }
            }
        }
        return engine;
    }

    private Engine build(String jdbcUrl, StatementListener[] listeners) {
        return build(jdbcUrl, user, password, listeners);
    }

    private Engine build(String jdbcUrl, @Nullable String buildUser, @Nullable String buildPassword,
            StatementListener[] listeners) {
        Engine.Builder builder = Engine.builder(jdbcUrl).poolSize(5).poolName("test-" + name);
        if (buildUser != null) {
            builder.username(buildUser);
        }
        if (buildPassword != null) {
            builder.password(buildPassword);
        }
        for (StatementListener listener : listeners) {
            builder.listener(listener);
        }
        return builder.build();
    }

    private String describe() {
        return name + (url.isEmpty() ? " (embedded)" : " (" + url + ")");
    }

    @Override
    public String toString() {
        return name;
    }

    private record Database(Engine engine, String url, @Nullable String user, @Nullable String password,
            Runnable cleanup) implements TestDatabase {

        @Override
        public void close() {
            cleanup.run();
        }
    }
}
