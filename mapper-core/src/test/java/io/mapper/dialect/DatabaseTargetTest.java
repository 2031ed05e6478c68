package io.mapper.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mapper.dialect.h2.H2Dialect;
import io.mapper.dialect.mysql.MariaDbDialect;
import io.mapper.dialect.postgresql.PostgresDialect;
import io.mapper.dialect.sqlite.SqliteDialect;

/** The namespace, host and port each dialect reads from its connection URL, as OpenTelemetry reports them. */
class DatabaseTargetTest {

    private static DatabaseInfo url(String url) {
        return new DatabaseInfo("x", "1", 1, 0, url);
    }

    @Test
    void postgresNamespaceIsDatabaseAndSchema() {
        DatabaseTarget target = new PostgresDialect(url("jdbc:postgresql://db.example.com/shop?currentSchema=sales"))
                .target();
        assertThat(target).isEqualTo(new DatabaseTarget("shop|sales", "db.example.com", 5432, 5432));
        assertThat(target.usesNonDefaultPort()).isFalse();
        DatabaseTarget other = new PostgresDialect(url("jdbc:postgresql://10.0.0.5:6543/shop")).target();
        assertThat(other).isEqualTo(new DatabaseTarget("shop", "10.0.0.5", 6543, 5432));
        assertThat(other.usesNonDefaultPort()).isTrue();
    }

    @Test
    void mariaDbNamespaceIsDatabase() {
        assertThat(new MariaDbDialect(url("jdbc:mariadb://127.0.0.1:3306/shop?useSsl=false")).target())
                .isEqualTo(new DatabaseTarget("shop", "127.0.0.1", 3306, 3306));
        assertThat(new MariaDbDialect(url("jdbc:mariadb://user:secret@host/")).target())
                .isEqualTo(new DatabaseTarget(null, "host", 3306, 3306));
    }

    @Test
    void embeddedDatabasesHaveANamespaceOnly() {
        assertThat(new H2Dialect(url("jdbc:h2:mem:tour;DB_CLOSE_DELAY=-1")).target())
                .isEqualTo(new DatabaseTarget("tour", null, 0, 0));
        assertThat(new H2Dialect(url("jdbc:h2:tcp://dbhost:9093/~/shop")).target())
                .isEqualTo(new DatabaseTarget("~/shop", "dbhost", 9093, 9092));
        assertThat(new SqliteDialect(url("jdbc:sqlite:example.db")).target())
                .isEqualTo(new DatabaseTarget("example.db", null, 0, 0));
        assertThat(new SqliteDialect(url("jdbc:sqlite:example.db")).target().usesNonDefaultPort()).isFalse();
    }
}
