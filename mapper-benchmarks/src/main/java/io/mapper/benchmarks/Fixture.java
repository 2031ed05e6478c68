package io.mapper.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * The data every competitor works on, for one database and one profile: {@code bench_item} with
 * {@code resultRows} rows (ids 1..n), {@code bench_parent} and {@code bench_child}, and an empty
 * {@code bench_insert}. Seeded once with raw JDBC; W2 changes amounts, W1 and W5 write only {@code bench_insert}.
 */
public final class Fixture {

    private final Database database;
    private final Profile profile;
    private final long[] selectIds;
    private int generation;
    private boolean checkpointRefused;

    public Fixture(Database database, Profile profile) {
        this.database = database;
        this.profile = profile;
        Random random = new Random(42);
        selectIds = new long[profile.shortOperations()];
        for (int i = 0; i < selectIds.length; i++) {
            selectIds[i] = 1 + random.nextInt(profile.resultRows());
        }
    }

    /** The database. */
    public Database database() {
        return database;
    }

    /** The sizes. */
    public Profile profile() {
        return profile;
    }

    /** The ids W4 selects, in order: the same pseudo-random ids for every competitor. */
    public long[] selectIds() {
        return selectIds;
    }

    /** A new value for W2 to write, so that every run really changes the rows. */
    public int nextGeneration() {
        return ++generation;
    }

    /** The name of the {@code i}-th inserted row. */
    public static String name(int i) {
        return "name " + i;
    }

    /** The note of the {@code i}-th inserted row. */
    public static String note(int i) {
        return "a note about row " + i;
    }

    /** Creates the schema and seeds it. */
    public void create() throws SQLException {
        try (Connection connection = database.connectDirectly()) {
            try (Statement statement = connection.createStatement()) {
                if (database == Database.SQLITE) {
                    statement.execute("PRAGMA journal_mode = WAL");
                }
                for (String ddl : database.schema()) {
                    statement.execute(ddl);
                }
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_item (id, name, amount, note) VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= profile.resultRows(); i++) {
                    insert.setLong(1, i);
                    insert.setString(2, name(i));
                    insert.setInt(3, i % 1000);
                    insert.setString(4, i % 3 == 0 ? null : note(i));
                    insert.addBatch();
                    if (i % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement parent = connection.prepareStatement(
                    "INSERT INTO bench_parent (id, name) VALUES (?, ?)");
                    PreparedStatement child = connection.prepareStatement(
                            "INSERT INTO bench_child (id, parent_id, name, amount) VALUES (?, ?, ?, ?)")) {
                long childId = 1;
                for (int p = 1; p <= profile.parents(); p++) {
                    parent.setLong(1, p);
                    parent.setString(2, "parent " + p);
                    parent.addBatch();
                    for (int c = 0; c < Profile.CHILDREN; c++) {
                        child.setLong(1, childId);
                        child.setLong(2, p);
                        child.setString(3, "child " + childId);
                        child.setInt(4, (int) (childId % 100));
                        child.addBatch();
                        childId++;
                    }
                }
                parent.executeBatch();
                child.executeBatch();
            }
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute(database == Database.SQLITE ? "ANALYZE" : database == Database.H2 ? "ANALYZE"
                        : "VACUUM ANALYZE bench_item, bench_parent, bench_child");
            }
        }
        settle();
    }

    /**
     * Brings the server to the same state before every timed run (not timed). On PostgreSQL: {@code VACUUM} of
     * {@code bench_item}, which W2, W2-orm and the flush-loaded workloads update (100,000 dead rows a run, and this
     * machine's server runs without autovacuum), so that no run reads a table its predecessors bloated; then {@code
     * CHECKPOINT}, so that the writes of earlier runs are not flushed during this one. H2 and SQLite do their work
     * in the caller's thread, where it belongs to the run: nothing to do.
     */
    public void settle() throws SQLException {
        if (database != Database.POSTGRESQL) {
            return;
        }
        try (Connection connection = database.connectDirectly(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM bench_item");
            if (!checkpointRefused) {
                try {
                    statement.execute("CHECKPOINT");
                } catch (SQLException e) {
                    // CHECKPOINT needs a superuser or pg_checkpoint: measure anyway, and say once what that costs.
                    checkpointRefused = true;
                    System.out.println("[mapper benchmarks] PostgreSQL refused CHECKPOINT (" + e.getMessage().strip()
                            + "): runs may pay for earlier runs' writes; grant pg_checkpoint to the benchmark user");
                }
            }
        }
    }

    /** Empties {@code bench_insert} (not timed). */
    public void clearInserts() throws SQLException {
        clear("bench_insert");
    }

    /** Empties {@code table}, one of the tables the inserting workloads write (not timed). */
    public void clear(String table) throws SQLException {
        try (Connection connection = database.connectDirectly(); Statement statement = connection.createStatement()) {
            statement.execute(database.clear(table));
        }
    }

    /** The number of rows in {@code table} (not timed: checks that a run wrote every row it reported). */
    public long count(String table) throws SQLException {
        try (Connection connection = database.connectDirectly(); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }

    /**
     * The ids a flush-loaded run changes in a session holding the first {@code loaded} items: {@link
     * WorkloadId#CHANGED} ids spread evenly over them.
     */
    public static long[] changedIds(int loaded) {
        long[] ids = new long[WorkloadId.CHANGED];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1 + (long) i * loaded / ids.length;
        }
        return ids;
    }

    /** Fails unless the items {@code ids} hold {@code amount} plus their position in {@code ids} (not timed). */
    public void checkAmounts(long[] ids, int amount) throws SQLException {
        try (Connection connection = database.connectDirectly();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT amount FROM bench_item WHERE id = ?")) {
            for (int i = 0; i < ids.length; i++) {
                statement.setLong(1, ids[i]);
                try (ResultSet resultSet = statement.executeQuery()) {
                    if (!resultSet.next() || resultSet.getInt(1) != amount + i) {
                        throw new AssertionError("item " + ids[i] + " was not updated to " + (amount + i)
                                + " by the flush");
                    }
                }
            }
        }
    }

    /** Drops the PostgreSQL schema, or closes the in-memory H2 database; the SQLite file is deleted on exit. */
    public void drop() throws SQLException {
        try (Connection connection = database.connectDirectly(); Statement statement = connection.createStatement()) {
            switch (database) {
                case H2 -> statement.execute("SHUTDOWN");
                case POSTGRESQL -> statement.execute("DROP SCHEMA " + Database.POSTGRES_SCHEMA + " CASCADE");
                case SQLITE -> statement.execute("DROP TABLE IF EXISTS bench_child");
            }
        }
    }
}
