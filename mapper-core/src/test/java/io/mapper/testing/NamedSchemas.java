package io.mapper.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sqlite.SQLiteDataSource;

import io.mapper.engine.Engine;
import io.mapper.schema.DdlElement;

/**
 * Fresh named schemas for one test, dropped afterwards: schemas on H2 and PostgreSQL, databases on MariaDB (created
 * and dropped with mapper's own {@code CREATE SCHEMA} / {@code DROP SCHEMA} elements), and on SQLite attached database
 * files, for which {@link #engine()} is a new engine that attaches them to every connection it opens.
 */
public final class NamedSchemas implements AutoCloseable {

    private final Backend backend;
    private final Engine engine;
    private final List<String> names;
    private final List<Path> files;

    private NamedSchemas(Backend backend, Engine engine, List<String> names, List<Path> files) {
        this.backend = backend;
        this.engine = engine;
        this.names = names;
        this.files = files;
    }

    /** {@code count} new schemas beside the test's database, with the recorder listening on {@link #engine()}. */
    public static NamedSchemas create(Backend backend, TestDatabase database, SqlRecorder recorder, int count) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("ns" + i + "_" + suffix);
        }
        if (!backend.is("sqlite")) {
            database.engine().runDdl(session -> names.forEach(name ->
                    session.execute(new DdlElement.CreateSchema(name, false))));
            return new NamedSchemas(backend, database.engine(), List.copyOf(names), List.of());
        }
        List<Path> files = new ArrayList<>();
        try {
            for (String name : names) {
                files.add(Files.createTempFile(name, ".db"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary SQLite file: " + e.getMessage(), e);
        }
        AttachingDataSource dataSource = new AttachingDataSource(names, files);
        dataSource.setUrl(database.url());
        Engine engine = Engine.builder(dataSource).listener(recorder).build();
        return new NamedSchemas(backend, engine, List.copyOf(names), List.copyOf(files));
    }

    /** The engine to use: the test's own, or on SQLite one whose connections have the schemas attached. */
    public Engine engine() {
        return engine;
    }

    /** The {@code index}th schema's name (from 0). */
    public String name(int index) {
        return names.get(index);
    }

    @Override
    public void close() {
        if (!backend.is("sqlite")) {
            // Last first: a test's later schemas may refer to its earlier ones (MariaDB refuses to drop a parent).
            List<String> reversed = new ArrayList<>(names);
            java.util.Collections.reverse(reversed);
            engine.runDdl(session -> reversed.forEach(name -> session.execute(new DdlElement.DropSchema(name))));
            return;
        }
        engine.dispose();
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temp file is harmless.
            }
        }
    }

    /** SQLite connections with the schema files attached: a SQLite schema is an attached database. */
    private static final class AttachingDataSource extends SQLiteDataSource {
        private static final long serialVersionUID = 1L;

        private final List<String> names;
        private final List<Path> files;

        AttachingDataSource(List<String> names, List<Path> files) {
            this.names = names;
            this.files = files;
        }

        @Override
        public org.sqlite.SQLiteConnection getConnection(String username, String password) throws SQLException {
            org.sqlite.SQLiteConnection connection = super.getConnection(username, password);
            try (Statement statement = connection.createStatement()) {
                for (int i = 0; i < names.size(); i++) {
                    statement.execute("ATTACH DATABASE '" + files.get(i) + "' AS " + names.get(i));
                }
            } catch (SQLException e) {
                closeQuietly(connection);
                throw e;
            }
            return connection;
        }

        private static void closeQuietly(Connection connection) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing.
            }
        }
    }
}
