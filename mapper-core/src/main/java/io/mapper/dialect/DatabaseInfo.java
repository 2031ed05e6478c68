package io.mapper.dialect;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * What the JDBC driver says about the database: product name and version, read once when the dialect is resolved.
 *
 * @param productName {@link DatabaseMetaData#getDatabaseProductName()}
 * @param productVersion {@link DatabaseMetaData#getDatabaseProductVersion()}
 * @param majorVersion the database's major version
 * @param minorVersion the database's minor version
 * @param url the connection URL, possibly empty
 */
public record DatabaseInfo(String productName, String productVersion, int majorVersion, int minorVersion,
        String url) {

    /** Reads the product and version from a connection's metadata. */
    public static DatabaseInfo of(DatabaseMetaData metaData) throws SQLException {
        String url = metaData.getURL();
        return new DatabaseInfo(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion(),
                metaData.getDatabaseMajorVersion(), metaData.getDatabaseMinorVersion(), url == null ? "" : url);
    }

    /** Whether the version is at least {@code major.minor}. */
    public boolean isAtLeast(int major, int minor) {
        return majorVersion > major || (majorVersion == major && minorVersion >= minor);
    }
}
