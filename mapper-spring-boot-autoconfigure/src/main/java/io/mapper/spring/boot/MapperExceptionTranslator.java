package io.mapper.spring.boot;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.CompileException;
import io.mapper.exception.DataException;
import io.mapper.exception.DatabaseException;
import io.mapper.exception.IntegrityException;
import io.mapper.exception.NotSupportedException;
import io.mapper.exception.OperationalException;
import io.mapper.exception.ProgrammingException;
import io.mapper.exception.TransientException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.exception.MapperException;
import io.mapper.exception.MultipleResultsException;
import io.mapper.exception.NoResultException;

/**
 * Translates mapper's exceptions into Spring's {@link DataAccessException} hierarchy. Database errors go through the
 * same {@link SQLExceptionTranslator} that {@code JdbcTemplate} uses, so a duplicate key is a
 * {@code DuplicateKeyException} whether it came from mapper or from {@code JdbcTemplate}. A mapper
 * {@link TransientException} always becomes one of Spring's {@link TransientDataAccessException}s (a deadlock or
 * serialization failure a {@code PessimisticLockingFailureException}, a lock timeout a
 * {@code CannotAcquireLockException}, a lost connection or pool timeout a {@code TransientDataAccessResourceException}),
 * and other operational errors never do. Thread-safe.
 */
public final class MapperExceptionTranslator implements PersistenceExceptionTranslator {

    private final SQLExceptionTranslator sqlTranslator;

    /** A translator that reads the database's error codes from {@code dataSource}, as {@code JdbcTemplate} does. */
    public MapperExceptionTranslator(DataSource dataSource) {
        this(new SQLErrorCodeSQLExceptionTranslator(dataSource));
    }

    /** A translator over a given SQL exception translator. */
    public MapperExceptionTranslator(SQLExceptionTranslator sqlTranslator) {
        this.sqlTranslator = sqlTranslator;
    }

    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException exception) {
        if (!(exception instanceof MapperException mapperException)) {
            return null;
        }
        return translate(mapperException);
    }

    private DataAccessException translate(MapperException exception) {
        if (exception instanceof DatabaseException database) {
            String sql = database.sql();
            if (database.getCause() instanceof SQLException sqlException) {
                DataAccessException translated = sqlTranslator.translate("mapper", sql, sqlException);
                if (database instanceof TransientException transientFailure
                        && !(translated instanceof TransientDataAccessException)) {
                    // Spring files a lost connection under the non-transient DataAccessResourceFailureException;
                    // mapper's dialect knows the transaction may simply be repeated.
                    return withMapperException(byReason(transientFailure, sqlException), database);
                }
                if (translated != null && !(translated instanceof UncategorizedSQLException)) {
                    return withMapperException(translated, database);
                }
                // Spring could not categorise it (SQLite reports no SQLState); mapper's dialect already did.
                return withMapperException(byMapperClass(database, sql, sqlException), database);
            }
            if (database instanceof DataException) {
                // Refused by mapper before it reached the database (UnstorableValueException): what Spring calls a
                // value the database would not take.
                return new DataIntegrityViolationException(database.getMessage(), database);
            }
            return new InvalidDataAccessApiUsageException(database.getMessage(), database);
        }
        if (exception instanceof NoResultException) {
            return new EmptyResultDataAccessException(exception.getMessage(), 1, exception);
        }
        if (exception instanceof MultipleResultsException) {
            return new IncorrectResultSizeDataAccessException(exception.getMessage(), 1, exception);
        }
        if (exception instanceof ArgumentException || exception instanceof CompileException
                || exception instanceof InvalidRequestException) {
            return new InvalidDataAccessApiUsageException(exception.getMessage(), exception);
        }
        return new InvalidDataAccessApiUsageException(exception.getMessage(), exception);
    }

    private static DataAccessException byReason(TransientException failure, SQLException cause) {
        String message = failure.getMessage();
        return switch (failure.reason()) {
            case DEADLOCK, SERIALIZATION_FAILURE -> new PessimisticLockingFailureException(message, cause);
            case LOCK_TIMEOUT -> new CannotAcquireLockException(message, cause);
            case CONNECTION_LOST, POOL_TIMEOUT, DATABASE_UNAVAILABLE ->
                    new TransientDataAccessResourceException(message, cause);
        };
    }

    private static DataAccessException byMapperClass(DatabaseException database, @Nullable String sql,
            SQLException cause) {
        String message = database.getMessage();
        if (database instanceof IntegrityException || database instanceof DataException) {
            return new DataIntegrityViolationException(message, cause);
        }
        if (database instanceof ProgrammingException) {
            return new BadSqlGrammarException("mapper", sql == null ? "" : sql, cause);
        }
        if (database instanceof TransientException transientFailure) {
            return byReason(transientFailure, cause);
        }
        if (database instanceof OperationalException) {
            return new DataAccessResourceFailureException(message, cause);
        }
        if (database instanceof NotSupportedException) {
            return new InvalidDataAccessApiUsageException(message, cause);
        }
        return new UncategorizedSQLException("mapper", sql, cause);
    }

    /**
     * Keeps the type Spring chose (so {@code catch (DuplicateKeyException e)} works) and attaches mapper's exception,
     * whose message names the fix, as a suppressed exception.
     */
    private static DataAccessException withMapperException(DataAccessException translated,
            DatabaseException original) {
        translated.addSuppressed(original);
        return translated;
    }
}
