package io.mapper.orm;

import static io.mapper.orm.Orm.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.mapper.engine.Engine;
import io.mapper.engine.ReplicaSet;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.model.User;
import io.mapper.testing.ReplicaBed;
import io.mapper.testing.TestDatabase;

/**
 * The ORM session on read replicas (a real PostgreSQL hot standby, {@link ReplicaBed}): a read-only session loads on
 * the replica and refuses to flush changes; a read-write session writes and reads its writes on the primary.
 */
class ReplicaSessionIT {

    private TestDatabase primaryDatabase;
    private HikariDataSource replicaPool;
    private Engine engine;
    private SessionFactory sessions;

    @BeforeEach
    void setUp() throws InterruptedException {
        String replicaUrl = ReplicaBed.replicaUrl();
        primaryDatabase = ReplicaBed.primary().createDatabase();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(ReplicaBed.replicaUrlFor(primaryDatabase));
        config.setUsername(System.getenv("MAPPER_TEST_POSTGRESQL_USER"));
        config.setPassword(System.getenv("MAPPER_TEST_POSTGRESQL_PASSWORD"));
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1000);
        config.setInitializationFailTimeout(-1);
        replicaPool = new HikariDataSource(config);
        engine = Engine.builder(primaryDatabase.url()).username(System.getenv("MAPPER_TEST_POSTGRESQL_USER"))
                .replicas(ReplicaSet.builder().replica("replica-1", replicaPool).checkInterval(Duration.ZERO).build())
                .build();
        sessions = SessionFactory.builder(engine).entities(User.class).build();
        sessions.metadata().createAll(engine);
        try (Session session = sessions.open()) {
            session.addAll(List.of(new User("spongebob", "Spongebob Squarepants"), new User("sandy", "Sandy Cheeks")));
            session.commit();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!replicaHasUsers() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(replicaHasUsers()).as("the users reached the replica " + replicaUrl).isTrue();
    }

    private boolean replicaHasUsers() {
        try (Session session = sessions.openReadOnly()) {
            return session.scalars(select(User.class)).all().size() == 2
                    && session.execute(text("SELECT pg_is_in_recovery()")).scalar(Boolean.class);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.dispose();
        }
        if (replicaPool != null) {
            replicaPool.close();
        }
        if (primaryDatabase != null) {
            primaryDatabase.close();
        }
    }

    @Test
    void aReadOnlySessionLoadsOnTheReplica() {
        try (Session session = sessions.openReadOnly()) {
            List<User> users = session.scalars(select(User.class).where(User.NAME.eq("sandy"))).all();
            assertThat(users).extracting(User::getFullname).containsExactly("Sandy Cheeks");
            assertThat(session.execute(text("SELECT pg_is_in_recovery()")).scalar(Boolean.class)).isTrue();
        }
    }

    @Test
    void aReadOnlySessionRefusesToFlushChangesBeforeAnySqlIsSent() {
        try (Session session = sessions.openReadOnly()) {
            User sandy = session.scalars(select(User.class).where(User.NAME.eq("sandy"))).one();
            sandy.setFullname("Sandy Cheeks of Texas");
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("read-only").hasMessageContaining("SessionFactory.open()");
        }
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(User.class).where(User.NAME.eq("sandy"))).one().getFullname())
                    .isEqualTo("Sandy Cheeks");
        }
    }

    @Test
    void aReadWriteSessionReadsItsOwnWritesOnThePrimary() {
        try (Session session = sessions.open()) {
            session.add(new User("patrick", "Patrick Star"));
            session.flush();
            assertThat(session.scalars(select(User.class).where(User.NAME.eq("patrick"))).all()).hasSize(1);
            assertThat(session.execute(text("SELECT pg_is_in_recovery()")).scalar(Boolean.class)).isFalse();
            session.commit();
        }
    }
}
