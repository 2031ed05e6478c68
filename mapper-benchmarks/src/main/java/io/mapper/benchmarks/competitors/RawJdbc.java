package io.mapper.benchmarks.competitors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import com.zaxxer.hikari.HikariDataSource;

import io.mapper.benchmarks.Checks;
import io.mapper.benchmarks.Competitor;
import io.mapper.benchmarks.Contender;
import io.mapper.benchmarks.Database;
import io.mapper.benchmarks.Fixture;
import io.mapper.benchmarks.FlushLoaded;
import io.mapper.benchmarks.Operations;
import io.mapper.benchmarks.WorkloadId;
import io.mapper.benchmarks.model.ChildRecord;
import io.mapper.benchmarks.model.ItemRecord;
import io.mapper.benchmarks.model.ParentGraph;

/**
 * The limit: hand-written JDBC with the best technique for each workload. Prepared statements, JDBC batches of
 * {@value #BATCH} rows, multi-row {@code INSERT ... RETURNING} (H2: {@code SELECT ... FROM FINAL TABLE (INSERT ...)})
 * for keys in bulk, results read by column index into records, one transaction per bulk unit of work, and
 * auto-commit for single reads.
 */
public final class RawJdbc implements Competitor {

    /** Rows per JDBC batch or multi-row statement, for every competitor that lets us choose. */
    public static final int BATCH = 1000;

    static final String SELECT_ITEM = "SELECT id, name, amount, note FROM bench_item";

    private final Fixture fixture;
    private final HikariDataSource pool;

    public RawJdbc(Fixture fixture) {
        this.fixture = fixture;
        this.pool = fixture.database().pool("raw");
    }

    @Override
    public String version() {
        return "JDBC drivers: see the table of versions";
    }

    @Override
    public Map<WorkloadId, List<Contender>> contenders() {
        Map<WorkloadId, List<Contender>> map = new EnumMap<>(WorkloadId.class);
        map.put(WorkloadId.W1_BULK_INSERT, List.of(contender(() -> bulkInsert(fixture.profile().bulkRows()))));
        map.put(WorkloadId.W1_KEYS_GIVEN, List.of(contender(this::bulkInsertKeysGiven)));
        map.put(WorkloadId.W2_BULK_UPDATE, List.of(contender(this::bulkUpdate)));
        map.put(WorkloadId.W2_ORM_UPDATE, List.of(contender(this::loadChangeUpdate)));
        map.put(WorkloadId.W3_LARGE_RESULT, List.of(contender(this::largeResult)));
        map.put(WorkloadId.W4_PK_SELECT, List.of(Contender.perOperation(Contender.RAW_JDBC, "",
                WorkloadId.W4_PK_SELECT, fixture, Operations.each(this::primaryKeySelect))));
        map.put(WorkloadId.W4B_SHORT_QUERY, List.of(Contender.perOperation(Contender.RAW_JDBC, "",
                WorkloadId.W4B_SHORT_QUERY, fixture, Operations.holding(pool::getConnection, this::shortQuery))));
        map.put(WorkloadId.W5_SINGLE_INSERT, List.of(Contender.perOperation(Contender.RAW_JDBC, "",
                WorkloadId.W5_SINGLE_INSERT, fixture, Operations.each(this::singleInsert))));
        map.put(WorkloadId.W6_SELECT_IN, List.of(contender(this::selectIn)));
        map.put(WorkloadId.W6_JOINED, List.of(contender(this::joined)));
        for (WorkloadId workload : List.of(WorkloadId.W1_FLUSH_SMALL, WorkloadId.W1_FLUSH_MEDIUM,
                WorkloadId.W1_FLUSH_LARGE)) {
            map.put(workload, List.of(contender(() -> bulkInsert(workload.scaleSize(fixture.profile())))));
        }
        for (WorkloadId workload : List.of(WorkloadId.FLUSH_LOADED_SMALL, WorkloadId.FLUSH_LOADED_MEDIUM,
                WorkloadId.FLUSH_LOADED_LARGE)) {
            map.put(workload, List.of(Contender.staged(Contender.RAW_JDBC, "",
                    () -> loadedThenUpdated(workload.scaleSize(fixture.profile())))));
        }
        return map;
    }

    private static Contender contender(Contender.Run run) {
        return Contender.of(Contender.RAW_JDBC, "", run);
    }

    private String multiRowInsert(int rows) {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            values.add("(?, ?, ?)");
        }
        String insert = "INSERT INTO bench_insert (name, amount, note) VALUES " + values;
        return fixture.database() == Database.H2 ? "SELECT id FROM FINAL TABLE (" + insert + ")"
                : insert + " RETURNING id";
    }

    private long bulkInsert(int n) throws SQLException {
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {Fixture.name(i), i, Fixture.note(i), null});
        }
        String fullChunk = multiRowInsert(BATCH);
        long keys = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (int start = 0; start < n; start += BATCH) {
                int size = Math.min(BATCH, n - start);
                try (PreparedStatement statement = connection.prepareStatement(
                        size == BATCH ? fullChunk : multiRowInsert(size))) {
                    int index = 1;
                    for (int i = start; i < start + size; i++) {
                        Object[] row = rows.get(i);
                        statement.setString(index++, (String) row[0]);
                        statement.setInt(index++, (Integer) row[1]);
                        statement.setString(index++, (String) row[2]);
                    }
                    try (ResultSet resultSet = statement.executeQuery()) {
                        int i = start;
                        while (resultSet.next()) {
                            rows.get(i++)[3] = resultSet.getLong(1);
                            keys++;
                        }
                    }
                }
            }
            connection.commit();
        }
        return keys;
    }

    private long bulkUpdate() throws SQLException {
        int n = fixture.profile().bulkRows();
        int generation = fixture.nextGeneration();
        long updated = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE bench_item SET amount = ? WHERE id = ?")) {
                for (int id = 1; id <= n; id++) {
                    statement.setInt(1, generation + id);
                    statement.setLong(2, id);
                    statement.addBatch();
                    if (id % BATCH == 0 || id == n) {
                        for (int count : statement.executeBatch()) {
                            updated += count;
                        }
                    }
                }
            }
            connection.commit();
        }
        return updated;
    }

    private long loadChangeUpdate() throws SQLException {
        int n = fixture.profile().bulkRows();
        long updated = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            List<ItemRecord> items = new ArrayList<>(n);
            try (PreparedStatement statement = connection.prepareStatement(SELECT_ITEM + " WHERE id <= ?")) {
                statement.setFetchSize(1000);
                statement.setLong(1, n);
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        items.add(item(resultSet));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE bench_item SET amount = ? WHERE id = ?")) {
                int pending = 0;
                for (ItemRecord item : items) {
                    statement.setInt(1, item.amount() + 1);
                    statement.setLong(2, item.id());
                    statement.addBatch();
                    if (++pending == BATCH) {
                        updated += sum(statement.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    updated += sum(statement.executeBatch());
                }
            }
            connection.commit();
        }
        return updated;
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    static ItemRecord item(ResultSet resultSet) throws SQLException {
        return new ItemRecord(resultSet.getLong(1), resultSet.getString(2), resultSet.getInt(3),
                resultSet.getString(4));
    }

    private long largeResult() throws SQLException {
        List<ItemRecord> items = new ArrayList<>();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(SELECT_ITEM)) {
                statement.setFetchSize(1000);
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        items.add(item(resultSet));
                    }
                }
            }
            connection.commit();
        }
        return items.size();
    }

    /** W4: borrow a connection, select one row by primary key in auto-commit, return the connection. */
    private @Nullable ItemRecord primaryKeySelect(int index) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return shortQuery(connection, index);
        }
    }

    /** W4b: one select by primary key on an open connection, the statement prepared per call. */
    private @Nullable ItemRecord shortQuery(Connection connection, int index) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ITEM + " WHERE id = ?")) {
            statement.setLong(1, fixture.selectIds()[index]);
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next() ? item(resultSet) : null;
            }
        }
    }

    /** W5: borrow a connection, INSERT one row with its generated key returned, commit. */
    private @Nullable Long singleInsert(int index) throws SQLException {
        String sql = "INSERT INTO bench_insert (name, amount, note) VALUES (?, ?, ?)";
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            Long key = null;
            try (PreparedStatement statement = fixture.database() == Database.SQLITE
                    ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                    : connection.prepareStatement(sql, new String[] {"id"})) {
                statement.setString(1, Fixture.name(index));
                statement.setInt(2, index);
                statement.setString(3, Fixture.note(index));
                statement.executeUpdate();
                try (ResultSet generated = statement.getGeneratedKeys()) {
                    if (generated.next()) {
                        key = generated.getLong(1);
                    }
                }
            }
            connection.commit();
            return key;
        }
    }

    /** W1-keys-given: JDBC batches of INSERTs whose keys the application gives, one transaction. */
    private long bulkInsertKeysGiven() throws SQLException {
        int n = fixture.profile().bulkRows();
        long inserted = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO bench_insert_keyed (id, name, amount, note) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    statement.setLong(1, i + 1);
                    statement.setString(2, Fixture.name(i));
                    statement.setInt(3, i);
                    statement.setString(4, Fixture.note(i));
                    statement.addBatch();
                    if ((i + 1) % BATCH == 0 || i == n - 1) {
                        inserted += sum(statement.executeBatch());
                    }
                }
            }
            connection.commit();
        }
        return inserted;
    }

    /**
     * flush-loaded: the first {@code loaded} items read into records (not timed), 10 of them changed; the timed
     * part is the JDBC batch UPDATE of the 10, which is all a flush has to send.
     */
    private Contender.Stage loadedThenUpdated(int loaded) throws SQLException {
        Connection connection = pool.getConnection();
        connection.setAutoCommit(false);
        List<ItemRecord> items = new ArrayList<>(loaded);
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ITEM + " WHERE id <= ? ORDER BY id")) {
            statement.setFetchSize(1000);
            statement.setLong(1, loaded);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    items.add(item(resultSet));
                }
            }
        }
        // The changes are kept as a flush would find them; the flush prepares, binds and sends the batch UPDATE.
        List<long[]> changes = new ArrayList<>(WorkloadId.CHANGED);
        return FlushLoaded.stage(fixture, loaded,
                (position, amount) -> changes.add(new long[] {items.get(position).id(), amount}), () -> {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE bench_item SET amount = ? WHERE id = ?")) {
                        for (long[] change : changes) {
                            update.setInt(1, (int) change[1]);
                            update.setLong(2, change[0]);
                            update.addBatch();
                        }
                        if (sum(update.executeBatch()) != changes.size()) {
                            throw new AssertionError("the batch UPDATE did not change " + changes.size() + " rows");
                        }
                    }
                }, () -> {
                    connection.commit();
                    connection.close();
                });
    }

    private static String placeholders(int count) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < count; i++) {
            joiner.add("?");
        }
        return joiner.toString();
    }

    private long selectIn() throws SQLException {
        List<ParentGraph> parents = new ArrayList<>();
        Map<Long, List<ChildRecord>> byParent = new HashMap<>();
        long children = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, name FROM bench_parent");
                    ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    List<ChildRecord> list = new ArrayList<>();
                    ParentGraph parent = new ParentGraph(resultSet.getLong(1), resultSet.getString(2), list);
                    parents.add(parent);
                    byParent.put(parent.id(), list);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, parent_id, name, amount FROM bench_child WHERE parent_id IN "
                            + placeholders(parents.size()))) {
                for (int i = 0; i < parents.size(); i++) {
                    statement.setLong(i + 1, parents.get(i).id());
                }
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        ChildRecord child = new ChildRecord(resultSet.getLong(1), resultSet.getLong(2),
                                resultSet.getString(3), resultSet.getInt(4));
                        byParent.get(child.parentId()).add(child);
                        children++;
                    }
                }
            }
            connection.commit();
        }
        return Checks.parentsWithChildren(parents.size(), children);
    }

    private long joined() throws SQLException {
        List<ParentGraph> parents = new ArrayList<>();
        long children = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT p.id, p.name, c.id, c.parent_id, c.name, c.amount FROM bench_parent p "
                            + "LEFT JOIN bench_child c ON c.parent_id = p.id ORDER BY p.id");
                    ResultSet resultSet = statement.executeQuery()) {
                ParentGraph current = null;
                while (resultSet.next()) {
                    long parentId = resultSet.getLong(1);
                    if (current == null || current.id() != parentId) {
                        current = new ParentGraph(parentId, resultSet.getString(2), new ArrayList<>());
                        parents.add(current);
                    }
                    long childId = resultSet.getLong(3);
                    if (!resultSet.wasNull()) {
                        current.children().add(new ChildRecord(childId, resultSet.getLong(4), resultSet.getString(5),
                                resultSet.getInt(6)));
                        children++;
                    }
                }
            }
            connection.commit();
        }
        return Checks.parentsWithChildren(parents.size(), children);
    }

    @Override
    public void close() {
        pool.close();
    }
}
