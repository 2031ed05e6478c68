package io.mapper.orm.shard;

import static io.mapper.orm.Orm.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.mapper.engine.Engine;
import io.mapper.exception.ArgumentException;
import io.mapper.testing.Backend;
import io.mapper.testing.SqlRecorder;

/**
 * Horizontal sharding over two real databases: two SQLite files, and two PostgreSQL databases
 * ({@code mapper_shard_a}, {@code mapper_shard_b}, created when missing, a fresh schema per test). Mirrors
 * SQLAlchemy's {@code test/ext/test_horizontal_shard.py::ShardTest}, whose continents map to shards; here "east" holds
 * Asia and Europe, "west" the Americas.
 */
class ShardingIT {

    private final List<Runnable> cleanups = new ArrayList<>();
    private final Map<String, SqlRecorder> recorders = Map.of("east", new SqlRecorder(), "west", new SqlRecorder());

    static Stream<String> backends() {
        return Stream.of("sqlite", "postgresql");
    }

    @AfterEach
    void cleanUp() {
        cleanups.forEach(Runnable::run);
    }

    private static String shardOf(String continent) {
        return switch (continent) {
            case "Asia", "Europe" -> "east";
            case "North America", "South America" -> "west";
            default -> throw new IllegalArgumentException("no shard for continent " + continent);
        };
    }

    private ShardedSessionFactory factory(String backend, CrossShardWrites mode) {
        ShardedSessionFactory factory = ShardedSessionFactory.builder()
                .shard("east", engine(backend, "a", recorders.get("east")))
                .shard("west", engine(backend, "b", recorders.get("west")))
                .entities(WeatherLocation.class, Report.class)
                .shardKey(WeatherLocation.CONTINENT, ShardingIT::shardOf)
                .shardChooser(entity -> entity instanceof Report report ? shardOf(report.location.continent)
                        : shardOf(((WeatherLocation) entity).continent))
                .crossShardWrites(mode)
                .build();
        factory.createAll();
        return factory;
    }

    private Engine engine(String backend, String shard, SqlRecorder recorder) {
        try {
            if (backend.equals("sqlite")) {
                Path file = Files.createTempFile("mapper_shard_" + shard, ".db");
                Engine engine = Engine.builder("jdbc:sqlite:" + file).listener(recorder).build();
                cleanups.add(() -> {
                    engine.dispose();
                    file.toFile().delete();
                });
                return engine;
            }
            Backend postgres = Backend.named("postgresql");
            org.junit.jupiter.api.Assumptions.assumeTrue(postgres != null, "the postgresql backend is not available");
            String url = System.getenv("MAPPER_TEST_POSTGRESQL_URL");
            String user = System.getenv("MAPPER_TEST_POSTGRESQL_USER");
            String database = "mapper_shard_" + shard;
            String server = url.substring(0, url.indexOf('/', "jdbc:postgresql://".length()));
            createDatabaseIfMissing(server, user, database);
            String schema = "shard_" + UUID.randomUUID().toString().substring(0, 8);
            try (Engine admin = Engine.builder(server + "/" + database).username(user).poolSize(1).build()) {
                admin.begin(conn -> conn.execute(text("CREATE SCHEMA " + schema)));
            }
            Engine engine = Engine.builder(server + "/" + database + "?currentSchema=" + schema).username(user)
                    .poolSize(2).listener(recorder).build();
            cleanups.add(() -> {
                engine.dispose();
                try (Engine admin = Engine.builder(server + "/" + database).username(user).poolSize(1).build()) {
                    admin.begin(conn -> conn.execute(text("DROP SCHEMA " + schema + " CASCADE")));
                }
            });
            return engine;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CREATE DATABASE runs outside a transaction, so through plain JDBC in auto-commit mode. */
    private static void createDatabaseIfMissing(String server, String user, String database) {
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(server + "/postgres", user,
                System.getenv("MAPPER_TEST_POSTGRESQL_PASSWORD"));
                java.sql.Statement statement = admin.createStatement();
                java.sql.ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (java.sql.SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {     // created meanwhile by a concurrent run
                throw new IllegalStateException("Cannot create the shard database " + database + ": " + e.getMessage(),
                        e);
            }
        }
    }

    /** ShardTest._fixture_data: seven cities on four continents, reports with the same id on two shards. */
    private static void fixtureData(ShardedSessionFactory factory) {
        for (String shard : List.of("east", "west")) {
            try (ShardedSession session = factory.open()) {
                for (WeatherLocation city : cities()) {
                    if (shardOf(city.continent).equals(shard)) {
                        session.add(city);
                    }
                }
                session.commit();
            }
        }
    }

    private static List<WeatherLocation> cities() {
        return List.of(new WeatherLocation(1, "Asia", "Tokyo").with(new Report(1, 80.0)),
                new WeatherLocation(2, "North America", "New York").with(new Report(1, 75)),
                new WeatherLocation(3, "North America", "Toronto"),
                new WeatherLocation(4, "Europe", "London"),
                new WeatherLocation(5, "Europe", "Dublin"),
                new WeatherLocation(6, "South America", "Brasilia"),
                new WeatherLocation(7, "South America", "Quito").with(new Report(2, 85)));
    }

    /** test_horizontal_shard.py::ShardTest::test_get: get searches the shards; a second get is the same object. */
    @ParameterizedTest
    @MethodSource("backends")
    void getSearchesTheShardsAndKeepsIdentity(String backend) {
        ShardedSessionFactory factory = factory(backend, CrossShardWrites.REFUSE);
        fixtureData(factory);
        try (ShardedSession session = factory.open()) {
            WeatherLocation tokyo = session.get(WeatherLocation.class, 1L);
            assertThat(tokyo.city).isEqualTo("Tokyo");
            assertThat(session.get(WeatherLocation.class, 2L).city).isEqualTo("New York");
            recorders.values().forEach(SqlRecorder::clear);
            assertThat(session.get(WeatherLocation.class, 1L)).isSameAs(tokyo);
            assertThat(recorders.get("east").count() + recorders.get("west").count()).isZero();
            assertThat(session.get(WeatherLocation.class, 25L)).isNull();
        }
    }

    /** ShardTest::test_get_explicit_shard: a query pinned to one shard sees only that shard's rows. */
    @ParameterizedTest
    @MethodSource("backends")
    void aQueryPinnedToAShardSeesOnlyThatShard(String backend) {
        ShardedSessionFactory factory = factory(backend, CrossShardWrites.REFUSE);
        fixtureData(factory);
        try (ShardedSession session = factory.open()) {
            assertThat(session.scalars(select(WeatherLocation.class).where(WeatherLocation.ID.eq(1L)),
                    List.of("west"))).isEmpty();
            assertThat(session.scalars(select(WeatherLocation.class).where(WeatherLocation.ID.eq(2L)),
                    List.of("west"))).extracting(location -> location.city).containsExactly("New York");
            assertThat(session.get(WeatherLocation.class, 1L).city).isEqualTo("Tokyo");
        }
    }

    /**
     * ShardTest::test_roundtrip: criteria on the shard key query only its shards; other criteria fan out; the same
     * primary key on two shards is two identities, each carrying its shard.
     */
    @ParameterizedTest
    @MethodSource("backends")
    void queriesRouteByTheShardKeyAndIdentitiesIncludeTheShard(String backend) {
        ShardedSessionFactory factory = factory(backend, CrossShardWrites.REFUSE);
        fixtureData(factory);
        try (ShardedSession session = factory.open()) {
            recorders.values().forEach(SqlRecorder::clear);
            List<WeatherLocation> northAmerican = session.scalars(select(WeatherLocation.class)
                    .where(WeatherLocation.CONTINENT.eq("North America")));
            assertThat(northAmerican).extracting(location -> location.city)
                    .containsExactlyInAnyOrder("New York", "Toronto");
            assertThat(recorders.get("east").count()).isZero();
            assertThat(recorders.get("west").count()).isPositive();

            recorders.values().forEach(SqlRecorder::clear);
            List<WeatherLocation> asiaAndEurope = session.scalars(select(WeatherLocation.class)
                    .where(WeatherLocation.CONTINENT.in("Europe", "Asia")));
            assertThat(asiaAndEurope).extracting(location -> location.city)
                    .containsExactlyInAnyOrder("Tokyo", "London", "Dublin");
            assertThat(asiaAndEurope).extracting(location -> session.identityOf(location).shard()).containsOnly("east");
            assertThat(recorders.get("west").count()).isZero();

            recorders.values().forEach(SqlRecorder::clear);
            WeatherLocation tokyo = session.scalars(select(WeatherLocation.class)
                    .where(WeatherLocation.CITY.eq("Tokyo"))).get(0);
            assertThat(recorders.get("east").count()).isPositive();    // no criterion on the key: every shard
            assertThat(recorders.get("west").count()).isPositive();

            WeatherLocation newYork = session.get(WeatherLocation.class, 2L);
            Report newYorkReport = newYork.reports.get(0);
            Report tokyoReport = tokyo.reports.get(0);
            assertThat(session.identityOf(newYorkReport)).isEqualTo(new ShardIdentity(Report.class, 1L, "west"));
            assertThat(session.identityOf(tokyoReport)).isEqualTo(new ShardIdentity(Report.class, 1L, "east"));
            assertThat(newYorkReport).isNotSameAs(tokyoReport);
        }
    }

    /** A fanned-out query is ordered, offset and limited as one database would do it. */
    @ParameterizedTest
    @MethodSource("backends")
    void aFannedOutQueryIsMergedOrderedAndLimited(String backend) {
        ShardedSessionFactory factory = factory(backend, CrossShardWrites.REFUSE);
        fixtureData(factory);
        try (ShardedSession session = factory.open()) {
            List<WeatherLocation> page = session.scalars(select(WeatherLocation.class)
                    .orderBy(WeatherLocation.CITY).offset(1).limit(3));
            // All cities by name: Brasilia, Dublin, London, New York, Quito, Tokyo, Toronto.
            assertThat(page).extracting(location -> location.city).containsExactly("Dublin", "London", "New York");
            List<WeatherLocation> descending = session.scalars(select(WeatherLocation.class)
                    .orderBy(WeatherLocation.ID.desc()).limit(2));
            assertThat(descending).extracting(location -> location.id).containsExactly(7L, 6L);
            assertThatThrownBy(() -> session.scalars(select(WeatherLocation.class).orderBy(io.mapper.sql.Sql.func("lower",
                    io.mapper.types.Types.string(50), WeatherLocation.CITY)).limit(2)))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("only mapped attributes");
        }
    }

    /** New objects go to the chooser's shard, with their cascaded children; DDL ran on every shard. */
    @ParameterizedTest
    @MethodSource("backends")
    void newObjectsGoToTheirShardWithTheirChildren(String backend) {
        ShardedSessionFactory factory = factory(backend, CrossShardWrites.REFUSE);
        try (ShardedSession session = factory.open()) {
            session.add(new WeatherLocation(8, "Europe", "Paris").with(new Report(3, 12.5)));
            session.commit();
        }
        assertThat(count(factory, "east", "weather_locations")).isEqualTo(1);
        assertThat(count(factory, "east", "weather_reports")).isEqualTo(1);
        assertThat(count(factory, "west", "weather_locations")).isZero();
        assertThat(count(factory, "west", "weather_reports")).isZero();
    }

    /** Writes on two shards in one unit of work are refused and nothing is written; best effort commits both. */
    @ParameterizedTest
    @MethodSource("backends")
    void crossShardWritesAreRefusedUnlessBestEffortIsChosen(String backend) {
        ShardedSessionFactory refusing = factory(backend, CrossShardWrites.REFUSE);
        try (ShardedSession session = refusing.open()) {
            session.add(new WeatherLocation(1, "Asia", "Tokyo"));
            session.add(new WeatherLocation(2, "North America", "New York"));
            assertThatThrownBy(session::commit).isInstanceOf(CrossShardWriteException.class)
                    .hasMessageContaining("[east, west]").hasMessageContaining("no two-phase commit")
                    .hasMessageContaining("BEST_EFFORT")
                    .satisfies(e -> assertThat(((CrossShardWriteException) e).committedShards()).isEmpty());
        }
        assertThat(count(refusing, "east", "weather_locations")).isZero();
        assertThat(count(refusing, "west", "weather_locations")).isZero();

        ShardedSessionFactory bestEffort = factory(backend, CrossShardWrites.BEST_EFFORT);
        try (ShardedSession session = bestEffort.open()) {
            session.add(new WeatherLocation(1, "Asia", "Tokyo"));
            session.add(new WeatherLocation(2, "North America", "New York"));
            session.commit();
        }
        assertThat(count(bestEffort, "east", "weather_locations")).isEqualTo(1);
        assertThat(count(bestEffort, "west", "weather_locations")).isEqualTo(1);
    }

    private static long count(ShardedSessionFactory factory, String shard, String table) {
        return factory.engine(shard).inTransaction(conn -> conn.execute(text("SELECT count(*) FROM " + table))
                .scalar(Long.class));
    }
}
