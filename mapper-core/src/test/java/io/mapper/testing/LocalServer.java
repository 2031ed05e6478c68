package io.mapper.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Finds PostgreSQL and MariaDB running on this machine on their default ports with their default administrative
 * users, for a newcomer who has them installed and sets no variable: PostgreSQL on 127.0.0.1:5432 as {@code postgres}
 * (database {@code postgres}, where each test gets its own schema), MariaDB on 127.0.0.1:3306 as {@code root} with an
 * empty password (each test gets its own database).
 */
final class LocalServer {

    private static final int CONNECT_TIMEOUT_MILLIS = 300;

    /** What the probe found: a URL and credentials that log in, or why there are none. */
    record Probe(@Nullable String url, @Nullable String user, @Nullable String password, String reason) {
    }

    private LocalServer() {
    }

    static Probe probe(String server) {
        boolean postgres = server.equals("postgresql");
        int port = postgres ? 5432 : 3306;
        String url = postgres ? "jdbc:postgresql://127.0.0.1:5432/postgres" : "jdbc:mariadb://127.0.0.1:3306/";
        String user = postgres ? "postgres" : "root";
        String password = postgres ? null : "";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            return new Probe(null, null, null, "nothing listens on 127.0.0.1:" + port);
        }
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return new Probe(url, user, password, "");
        } catch (SQLException e) {
            return new Probe(null, null, null, "the server on 127.0.0.1:" + port + " refused " + user
                    + (postgres ? " without a password" : " with an empty password") + " (" + e.getMessage() + ")");
        }
    }

    static String howToAdd(String server) {
        return server.equals("postgresql")
                ? "start PostgreSQL on 127.0.0.1:5432 with the user postgres allowed to log in without a password "
                        + "(trust authentication for 127.0.0.1 in pg_hba.conf)"
                : "start MariaDB on 127.0.0.1:3306 with the user root allowed to log in with an empty password";
    }
}
