package io.mapper.dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Regenerates the dialects' {@code reserved-words.txt} (not a test; run its {@code main} by hand against the test bed
 * when a database version changes). It reads each database's own keyword list (PostgreSQL {@code pg_get_keywords()},
 * MariaDB {@code INFORMATION_SCHEMA.KEYWORDS}, SQLite's documented keyword list, H2's manual), takes their union, and
 * keeps for each database the words it refuses as a plain table, column or alias name in CREATE, INSERT, SELECT
 * (WHERE, ORDER BY, GROUP BY), UPDATE and DELETE. Arguments: the output directory, then the PostgreSQL and MariaDB
 * JDBC URLs (user postgres and root, no password, as in the test bed).
 */
public final class ReservedWordsGenerator {

    /** SQLite's keywords, https://sqlite.org/lang_keywords.html (SQLite has no SQL function that lists them). */
    static final String SQLITE_KEYWORDS = "ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH "
            + "AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT "
            + "CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED "
            + "DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL "
            + "FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN "
            + "INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT "
            + "MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER "
            + "PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE "
            + "RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY "
            + "THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN "
            + "WHERE WINDOW WITH WITHOUT";
    /** H2's keywords, the H2 2.x manual's "Keywords / Reserved Words" table. */
    static final String H2_KEYWORDS = "ALL AND ANY ARRAY AS ASYMMETRIC AUTHORIZATION BETWEEN BOTH CASE CAST CHECK "
            + "CONSTRAINT CROSS CURRENT_CATALOG CURRENT_DATE CURRENT_PATH CURRENT_ROLE CURRENT_SCHEMA CURRENT_TIME "
            + "CURRENT_TIMESTAMP CURRENT_USER DAY DEFAULT DISTINCT ELSE END EXCEPT EXISTS FALSE FETCH FOR FOREIGN FROM "
            + "FULL GROUP GROUPS HAVING HOUR IF ILIKE IN INNER INTERSECT INTERVAL IS JOIN KEY LEADING LEFT LIKE LIMIT "
            + "LOCALTIME LOCALTIMESTAMP MINUS MINUTE MONTH NATURAL NOT NULL OFFSET ON OR ORDER OVER PARTITION PRIMARY "
            + "QUALIFY RANGE REGEXP RIGHT ROW ROWNUM ROWS SECOND SELECT SESSION_USER SET SOME SYMMETRIC SYSTEM_USER "
            + "TABLE TO TOP TRAILING TRUE UESCAPE UNION UNIQUE UNKNOWN USER USING VALUE VALUES WHEN WHERE WINDOW WITH "
            + "YEAR _ROWID_";

    private ReservedWordsGenerator() {
    }

    /** Writes {@code <backend>-keywords.txt} and {@code <backend>-reserved.txt} for the four databases. */
    public static void main(String[] args) throws SQLException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        String postgres = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/mapper_test";
        String mariadb = args.length > 2 ? args[2] : "jdbc:mariadb://127.0.0.1:3306/mapper_test";
        Map<String, TreeSet<String>> keywords = new LinkedHashMap<>();
        keywords.put("h2", words(H2_KEYWORDS));
        keywords.put("sqlite", words(SQLITE_KEYWORDS));
        try (Connection conn = DriverManager.getConnection(postgres, "postgres", "")) {
            keywords.put("postgresql", query(conn, "SELECT word FROM pg_get_keywords()"));
        }
        try (Connection conn = DriverManager.getConnection(mariadb, "root", "")) {
            keywords.put("mariadb", query(conn, "SELECT word FROM information_schema.KEYWORDS"));
        }
        TreeSet<String> universe = new TreeSet<>();
        keywords.values().forEach(universe::addAll);
        universe.removeIf(word -> !word.matches("[a-z_][a-z0-9_]*"));
        for (Map.Entry<String, TreeSet<String>> entry : keywords.entrySet()) {
            TreeSet<String> reserved = new TreeSet<>();
            try (Connection conn = open(entry.getKey(), postgres, mariadb)) {
                for (String word : universe) {
                    if (!usableAsName(conn, entry.getKey(), word)) {
                        reserved.add(word);
                    }
                }
            }
            Files.write(out.resolve(entry.getKey() + "-keywords.txt"), entry.getValue());
            Files.write(out.resolve(entry.getKey() + "-reserved.txt"), reserved);
        }
    }

    private static TreeSet<String> words(String list) {
        return new TreeSet<>(Arrays.asList(list.toLowerCase(Locale.ROOT).split(" ")));
    }

    private static TreeSet<String> query(Connection conn, String sql) throws SQLException {
        TreeSet<String> words = new TreeSet<>();
        try (Statement statement = conn.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                words.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static Connection open(String backend, String postgres, String mariadb) throws SQLException {
        return switch (backend) {
            case "h2" -> DriverManager.getConnection("jdbc:h2:mem:reserved_words", "sa", "");
            case "sqlite" -> DriverManager.getConnection("jdbc:sqlite::memory:");
            case "postgresql" -> {
                Connection conn = DriverManager.getConnection(postgres, "postgres", "");
                run(conn, "DROP SCHEMA IF EXISTS kw_probe CASCADE", "CREATE SCHEMA kw_probe", "SET search_path TO kw_probe");
                yield conn;
            }
            default -> {
                Connection conn = DriverManager.getConnection(mariadb, "root", "");
                run(conn, "DROP DATABASE IF EXISTS kw_probe", "CREATE DATABASE kw_probe", "USE kw_probe");
                yield conn;
            }
        };
    }

    private static void run(Connection conn, String... statements) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static boolean usableAsName(Connection conn, String backend, String w) {
        List<String> statements = List.of("CREATE TABLE " + w + " (k0 INT, " + w + " INT)",
                "INSERT INTO " + w + " (k0, " + w + ") VALUES (1, 2)",
                "SELECT " + w + "." + w + ", " + w + " FROM " + w + " WHERE " + w + " = 2 ORDER BY " + w,
                "SELECT t." + w + " AS " + w + " FROM " + w + " t GROUP BY t." + w,
                "SELECT k0 FROM " + w + " AS " + w,
                "UPDATE " + w + " SET " + w + " = 3 WHERE " + w + " = 2",
                "DELETE FROM " + w + " WHERE " + w + " = 3");
        boolean usable = true;
        try {
            run(conn, statements.toArray(String[]::new));
        } catch (SQLException e) {
            usable = false;
        }
        String quoted = backend.equals("mariadb") ? "`" + w + "`"
                : "\"" + (backend.equals("h2") ? w.toUpperCase(Locale.ROOT) : w) + "\"";
        try {
            run(conn, "DROP TABLE IF EXISTS " + quoted);
        } catch (SQLException ignored) {
            // Nothing was created.
        }
        return usable;
    }
}
