/**
 * The unchecked exception hierarchy shared by the Core and the ORM, mirroring SQLAlchemy's {@code exc} module.
 *
 * <p>Layer: the bottom of mapper-core. Imports the JDK only. Database errors are classified once, by the dialect's
 * {@code ErrorTranslator}, into the {@link io.mapper.exception.DatabaseException} subclasses by JDBC exception type,
 * SQLState class ({@link io.mapper.exception.SqlStateClass}) and vendor code.
 */
@NullMarked
package io.mapper.exception;

import org.jspecify.annotations.NullMarked;
