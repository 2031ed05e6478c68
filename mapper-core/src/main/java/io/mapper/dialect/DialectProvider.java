package io.mapper.dialect;

import java.util.Optional;

/**
 * Creates the dialect for a database it recognises; registered in
 * {@code META-INF/services/io.mapper.dialect.DialectProvider} and found by {@link DialectResolver}.
 */
public interface DialectProvider {

    /** The dialect for this database, or empty when the provider does not recognise it. */
    Optional<Dialect> create(DatabaseInfo database);
}
