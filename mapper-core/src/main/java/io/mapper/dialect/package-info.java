/**
 * The dialect SPI, for dialect authors: {@link io.mapper.dialect.Dialect}, its base
 * {@link io.mapper.dialect.DefaultDialect}, {@link io.mapper.dialect.ErrorTranslator}, and
 * {@link io.mapper.dialect.DialectResolver}, which finds a {@link io.mapper.dialect.DialectProvider} through
 * {@link java.util.ServiceLoader} from the connection's {@link java.sql.DatabaseMetaData}.
 *
 * <p>Layer: above {@code compiler} and below. A dialect talks to JDBC ({@code java.sql.Connection},
 * {@code SQLException}), never to the engine. Product names appear only in the providers.
 */
@NullMarked
package io.mapper.dialect;

import org.jspecify.annotations.NullMarked;
