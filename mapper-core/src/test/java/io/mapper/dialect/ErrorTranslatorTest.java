package io.mapper.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.dialect.mysql.MySqlDialect;
import io.mapper.dialect.sqlite.SqliteDialect;
import io.mapper.exception.DataException;
import io.mapper.exception.DatabaseException;
import io.mapper.exception.IntegrityException;
import io.mapper.exception.NotSupportedException;
import io.mapper.exception.OperationalException;
import io.mapper.exception.ProgrammingException;
import io.mapper.exception.TransientException;

class ErrorTranslatorTest {

    private final ErrorTranslator standard = new ErrorTranslator();
    private final DatabaseInfo info = new DatabaseInfo("x", "1", 10, 11, "jdbc:x");

    private DatabaseException translate(ErrorTranslator translator, SQLException e) {
        return translator.translate(e, "INSERT INTO t VALUES (?)", List.of("v"), false);
    }

    @Test
    void sqlStateClassesDecideTheSubclass() {
        assertThat(translate(standard, new SQLException("dup", "23505"))).isInstanceOf(IntegrityException.class);
        assertThat(translate(standard, new SQLException("bad", "22001"))).isInstanceOf(DataException.class);
        assertThat(translate(standard, new SQLException("syntax", "42601"))).isInstanceOf(ProgrammingException.class);
        assertThat(translate(standard, new SQLException("conn", "08006"))).isInstanceOf(OperationalException.class);
        assertThat(translate(standard, new SQLException("deadlock", "40P01")))
                .isInstanceOf(OperationalException.class);
        assertThat(translate(standard, new SQLException("killed", "57P01"))).isInstanceOf(OperationalException.class);
        assertThat(translate(standard, new SQLException("nope", "0A000"))).isInstanceOf(NotSupportedException.class);
        assertThat(translate(standard, new SQLException("huh", "XX000"))).isExactlyInstanceOf(DatabaseException.class);
    }

    @Test
    void jdbcSubclassesComeBeforeSqlState() {
        assertThat(translate(standard, new SQLIntegrityConstraintViolationException("dup", "HY000")))
                .isInstanceOf(IntegrityException.class);
        assertThat(translate(standard, new SQLTransientConnectionException("timeout")))
                .isInstanceOf(OperationalException.class);
    }

    @Test
    void transientFailuresAreRecognisedWithoutKnowingTheDatabase() {
        assertThat(reason(standard, new SQLException("could not serialize", "40001")))
                .isEqualTo(TransientException.Reason.SERIALIZATION_FAILURE);
        assertThat(reason(standard, new SQLException("deadlock detected", "40P01")))
                .isEqualTo(TransientException.Reason.DEADLOCK);
        assertThat(reason(standard, new SQLException("lock not available", "55P03")))
                .isEqualTo(TransientException.Reason.LOCK_TIMEOUT);
        assertThat(reason(standard, new SQLException("terminating connection", "57P01")))
                .isEqualTo(TransientException.Reason.CONNECTION_LOST);
        assertThat(reason(standard, new SQLException("connection failure", "08006")))
                .isEqualTo(TransientException.Reason.CONNECTION_LOST);
        assertThat(reason(standard, new SQLException("too many clients", "53300")))
                .isEqualTo(TransientException.Reason.DATABASE_UNAVAILABLE);
        assertThat(reason(standard, new SQLTransientConnectionException("timeout")))
                .isEqualTo(TransientException.Reason.CONNECTION_LOST);
        // Still operational, but repeating them does not help: a protocol violation, a failed login, a timeout the
        // application set, a constraint, a value.
        assertThat(translate(standard, new SQLException("protocol", "08P01"))).isNotInstanceOf(TransientException.class)
                .isInstanceOf(OperationalException.class);
        assertThat(translate(standard, new SQLException("password", "28P01")).isTransient()).isFalse();
        assertThat(translate(standard, new SQLException("canceled", "57014")).isTransient()).isFalse();
        assertThat(translate(standard, new SQLException("dup", "23505")).isTransient()).isFalse();
        assertThat(translate(standard, new SQLException("integrity at commit", "40002")).isTransient()).isFalse();
    }

    @Test
    void mysqlVendorCodesDecideTheTransientReason() {
        ErrorTranslator mysql = new MySqlDialect(info).errorTranslator();
        assertThat(reason(mysql, new SQLException("Deadlock found", "40001", 1213)))
                .isEqualTo(TransientException.Reason.DEADLOCK);
        assertThat(reason(mysql, new SQLException("Lock wait timeout exceeded", "HY000", 1205)))
                .isEqualTo(TransientException.Reason.LOCK_TIMEOUT);
        assertThat(reason(mysql, new SQLException("Connection was killed", "70100", 1927)))
                .isEqualTo(TransientException.Reason.CONNECTION_LOST);
        assertThat(reason(mysql, new SQLException("Too many connections", "08004", 1040)))
                .isEqualTo(TransientException.Reason.DATABASE_UNAVAILABLE);
        assertThat(translate(mysql, new SQLException("max_statement_time exceeded", "70100", 1969)).isTransient())
                .isFalse();
    }

    @Test
    void sqliteBusyAndLockedAreTransientLockTimeouts() {
        ErrorTranslator sqlite = new SqliteDialect(info).errorTranslator();
        assertThat(reason(sqlite, new SQLException("[SQLITE_BUSY] The database file is locked", null, 5)))
                .isEqualTo(TransientException.Reason.LOCK_TIMEOUT);
        assertThat(reason(sqlite, new SQLException("[SQLITE_LOCKED_SHAREDCACHE]", null, 262)))
                .isEqualTo(TransientException.Reason.LOCK_TIMEOUT);
        assertThat(translate(sqlite, new SQLException("[SQLITE_CONSTRAINT]", null, 19)).isTransient()).isFalse();
    }

    @Test
    void aMapperExceptionCausedByATransientOneIsTransient() {
        DatabaseException deadlock = translate(standard, new SQLException("deadlock", "40P01"));
        assertThat(new io.mapper.exception.InvalidRequestException("flush failed", deadlock).isTransient()).isTrue();
        assertThat(io.mapper.exception.MapperException.isTransient(new IllegalStateException("wrapped", deadlock)))
                .isTrue();
        RuntimeException suppressing = new RuntimeException("translated");
        suppressing.addSuppressed(deadlock);
        assertThat(io.mapper.exception.MapperException.isTransient(suppressing)).isTrue();
        assertThat(io.mapper.exception.MapperException.isTransient(new RuntimeException("other"))).isFalse();
    }

    private TransientException.Reason reason(ErrorTranslator translator, SQLException e) {
        DatabaseException translated = translate(translator, e);
        assertThat(translated).isInstanceOf(TransientException.class);
        assertThat(translated.isTransient()).isTrue();
        return ((TransientException) translated).reason();
    }

    @Test
    void batchFailuresAreClassifiedByTheirNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        DatabaseException error = translate(standard, batch);
        assertThat(error).isInstanceOf(IntegrityException.class);
        assertThat(error.sqlState()).isEqualTo("23505");
    }

    @Test
    void vendorCodesRefineMySqlAndSqlite() {
        ErrorTranslator mysql = new MySqlDialect(info).errorTranslator();
        assertThat(translate(mysql, new SQLException("Duplicate entry 'v' for key", "23000", 1062)))
                .isInstanceOf(IntegrityException.class);
        assertThat(translate(mysql, new SQLException("Lock wait timeout", "HY000", 1205)))
                .isInstanceOf(OperationalException.class);
        assertThat(translate(mysql, new SQLException("Data too long", "22001", 1406)))
                .isInstanceOf(DataException.class);
        ErrorTranslator sqlite = new SqliteDialect(info).errorTranslator();
        assertThat(translate(sqlite, new SQLException("[SQLITE_CONSTRAINT_UNIQUE] UNIQUE constraint failed", null,
                19))).isInstanceOf(IntegrityException.class);
        assertThat(translate(sqlite, new SQLException("[SQLITE_BUSY] database is locked", null, 5)))
                .isInstanceOf(OperationalException.class);
        assertThat(translate(sqlite, new SQLException("[SQLITE_ERROR] near \"SELEC\": syntax error", null, 1)))
                .isInstanceOf(ProgrammingException.class);
    }

    @Test
    void messagesCarrySqlAndAdviceAndMaskValuesTheDriverRepeats() {
        DatabaseException error = new MySqlDialect(info).errorTranslator().translate(
                new SQLException("Duplicate entry 'sandy@example.com' for key 'email'", "23000", 1062),
                "INSERT INTO t VALUES (?)", Arrays.asList("sandy@example.com"), false);
        DatabaseException shown = new MySqlDialect(info).errorTranslator().translate(
                new SQLException("Duplicate entry 'sandy@example.com' for key 'email'", "23000", 1062),
                "INSERT INTO t VALUES (?)", Arrays.asList("sandy@example.com"), true);
        assertThat(translate(standard, new SQLException("x", "23505")).getMessage())
                .contains("[SQL: INSERT INTO t VALUES (?)]").contains("1 parameter hidden")
                .contains("constraint");
        assertThat(error.getMessage()).doesNotContain("sandy@example.com").contains("[hidden]");
        assertThat(shown.getMessage()).contains("sandy@example.com");
    }
}
