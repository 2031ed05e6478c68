package io.mapper.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.mapper.compiler.CompiledStatement;
import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.Dialect;
import io.mapper.dialect.h2.H2Dialect;
import io.mapper.dialect.mysql.MariaDbDialect;
import io.mapper.dialect.postgresql.PostgresDialect;
import io.mapper.dialect.sqlite.SqliteDialect;
import io.mapper.sql.Executable;

/**
 * Compile-only assertions, as SQLAlchemy's {@code AssertsCompiledSQL}: a statement renders exactly this SQL for a
 * dialect. The dialects are built for current versions of the four test databases, without connecting.
 */
public final class CompileAssertions {

    /** H2 2.x. */
    public static final Dialect H2 = new H2Dialect(new DatabaseInfo("H2", "2.4.240", 2, 4, "jdbc:h2:mem:"));
    /** SQLite 3.46 (RETURNING, FULL JOIN, UPDATE FROM). */
    public static final Dialect SQLITE = new SqliteDialect(new DatabaseInfo("SQLite", "3.46.1", 3, 46, ""));
    /** PostgreSQL 16. */
    public static final Dialect POSTGRESQL = new PostgresDialect(new DatabaseInfo("PostgreSQL", "16.4", 16, 4, ""));
    /** MariaDB 11 (INSERT/DELETE RETURNING). */
    public static final Dialect MARIADB = new MariaDbDialect(new DatabaseInfo("MariaDB", "11.4.2", 11, 4, ""));
    /** SQLite before 3.35: no RETURNING, no FULL JOIN. */
    public static final Dialect OLD_SQLITE = new SqliteDialect(new DatabaseInfo("SQLite", "3.31.1", 3, 31, ""));
    /** MariaDB 10.4: no RETURNING. */
    public static final Dialect OLD_MARIADB = new MariaDbDialect(new DatabaseInfo("MariaDB", "10.4.0", 10, 4, ""));

    /** The four dialects of the test bed. */
    public static final List<Dialect> ALL = List.of(H2, SQLITE, POSTGRESQL, MARIADB);

    private CompileAssertions() {
    }

    /** The statement compiled for the dialect. */
    public static CompiledStatement compile(Executable statement, Dialect dialect) {
        return dialect.newSqlCompiler().compile(statement);
    }

    /** Asserts the exact SQL of the statement for the dialect. */
    public static void assertCompiles(Executable statement, Dialect dialect, String expectedSql) {
        assertThat(compile(statement, dialect).sql()).as("SQL for %s", dialect.name()).isEqualTo(expectedSql);
    }

    /** Asserts the same SQL on every dialect. */
    public static void assertCompilesEverywhere(Executable statement, String expectedSql) {
        for (Dialect dialect : ALL) {
            assertCompiles(statement, dialect, expectedSql);
        }
    }

    /** Asserts per-dialect SQL: h2, sqlite, postgresql, mariadb in that order. */
    public static void assertCompiles(Executable statement, String h2, String sqlite, String postgresql,
            String mariadb) {
        assertCompiles(statement, H2, h2);
        assertCompiles(statement, SQLITE, sqlite);
        assertCompiles(statement, POSTGRESQL, postgresql);
        assertCompiles(statement, MARIADB, mariadb);
    }

    /** The values the statement binds, in placeholder order. */
    public static List<Object> parameters(Executable statement, Dialect dialect) {
        return compile(statement, dialect).bindValues(statement.boundValues(), Map.of());
    }
}
