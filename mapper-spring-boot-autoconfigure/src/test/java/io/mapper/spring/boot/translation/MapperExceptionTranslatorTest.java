package io.mapper.spring.boot.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import io.mapper.dialect.ErrorTranslator;
import io.mapper.exception.DatabaseException;
import io.mapper.exception.OperationalException;
import io.mapper.exception.UnstorableValueException;
import io.mapper.spring.boot.MapperExceptionTranslator;
import io.mapper.spring.boot.TransientFailures;

/** Transient mapper errors stay transient through Spring's translation; other operational errors never become so. */
class MapperExceptionTranslatorTest {

    private final MapperExceptionTranslator translator =
            new MapperExceptionTranslator(new SQLStateSQLExceptionTranslator());

    private DataAccessException translate(SQLException cause) {
        DatabaseException mapper = new ErrorTranslator().translate(cause, "UPDATE t SET n = ?", List.of(1), false);
        DataAccessException translated = translator.translateExceptionIfPossible(mapper);
        assertThat(translated).isNotNull();
        assertThat(translated.getSuppressed()).contains(mapper);
        return translated;
    }

    @Test
    void deadlocksAndSerializationFailuresArePessimisticLockingFailures() {
        assertThat(translate(new SQLException("deadlock detected", "40P01")))
                .isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(translate(new SQLException("could not serialize access", "40001")))
                .isInstanceOf(PessimisticLockingFailureException.class);
    }

    @Test
    void lockTimeoutsCannotAcquireTheLock() {
        assertThat(translate(new SQLException("lock not available", "55P03")))
                .isInstanceOf(CannotAcquireLockException.class);
    }

    @Test
    void lostConnectionsArePassingResourceFailures() {
        assertThat(translate(new SQLException("terminating connection", "57P01")))
                .isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(translate(new SQLException("An I/O error occurred", "08006")))
                .isInstanceOf(TransientDataAccessException.class);
        assertThat(translate(new SQLTransientConnectionException("pool timeout")))
                .isInstanceOf(TransientDataAccessException.class);
    }

    @Test
    void aValueRefusedBeforeTheDatabaseIsADataIntegrityViolation() {
        DataAccessException translated = translator.translateExceptionIfPossible(new UnstorableValueException(
                "The value for column \"name\" contains a NUL character", "name", "name_1", "INSERT ...", "22021"));
        assertThat(translated).isInstanceOf(DataIntegrityViolationException.class)
                .hasCauseInstanceOf(UnstorableValueException.class);
    }

    @Test
    void otherOperationalErrorsAreNotTransient() {
        DataAccessException refused = translate(new SQLException("password authentication failed", "28P01"));
        assertThat(refused).isNotInstanceOf(TransientDataAccessException.class);
        assertThat(TransientFailures.isTransient(refused)).isFalse();
        DataAccessException commitLost = translator.translateExceptionIfPossible(new OperationalException(
                "lost during COMMIT", "COMMIT", List.of(), "08006", 0, new SQLException("x", "XX000")));
        assertThat(commitLost).isNotInstanceOf(TransientDataAccessException.class);
    }
}
