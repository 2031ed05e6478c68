package io.mapper.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.internal.TopologicalSort;
import io.mapper.schema.reflection.DatabaseInspector;
import io.mapper.schema.reflection.Inspectable;
import io.mapper.schema.reflection.ReflectedTable;

/**
 * A collection of {@link Table}s and {@link Sequence}s that describe one database schema, as SQLAlchemy's
 * {@code MetaData}: define tables with {@link #table(String, TableElement, TableElement...)}, then create them with
 * {@link #createAll(DdlExecutor)}.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = metadata.table("user_account",
 *         Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
 *         Column.of("name", Types.string(30)).notNull());
 * metadata.createAll(engine);      // CREATE TABLE for each missing table, parents before children
 * }</pre>
 *
 * <p>Thread-safe: tables may be added from several threads, and a built metadata is read without locking concerns.
 */
public final class MetaData {

    /**
     * The longest name every supported database keeps whole: PostgreSQL's 63 characters (MariaDB and MySQL allow 64,
     * H2 256, SQLite has no limit). A {@code MetaData} checks the names declared in it against this by default.
     */
    public static final int PORTABLE_NAME_LENGTH = 63;

    private final NamingConvention namingConvention;
    private final int maxNameLength;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();

    /** A metadata with the {@link NamingConvention#DEFAULT default naming convention}. */
    public MetaData() {
        this(NamingConvention.DEFAULT);
    }

    /** A metadata whose constraints and indexes are named by {@code namingConvention}. */
    public MetaData(NamingConvention namingConvention) {
        this(namingConvention, PORTABLE_NAME_LENGTH);
    }

    /**
     * A metadata that refuses, when a table is declared, names longer than {@code maxNameLength} characters: its
     * table, schema, column, constraint and index names, generated ones included. The default is
     * {@link #PORTABLE_NAME_LENGTH} (63, PostgreSQL's limit, the strictest of the supported databases); a metadata
     * only ever created on databases that allow longer names may raise it (MariaDB 64, H2 256), and {@code 0} turns
     * the declaration check off. Whatever this says, DDL refuses a name longer than its own database allows when it
     * is compiled ({@code createAll}), and tables defined by {@link #reflect} are not checked (their database holds
     * them already).
     */
    public MetaData(NamingConvention namingConvention, int maxNameLength) {
        this.namingConvention = Objects.requireNonNull(namingConvention, "namingConvention must not be null");
        if (maxNameLength < 0) {
            throw new ArgumentException("maxNameLength must be 0 (no check) or more, not " + maxNameLength + ".");
        }
        this.maxNameLength = maxNameLength;
    }

    /** The longest name a table declared here may use, in characters; {@code 0} when names are not checked. */
    public int maxNameLength() {
        return maxNameLength;
    }

    /** How constraints and indexes of this metadata's tables are named. */
    public NamingConvention namingConvention() {
        return namingConvention;
    }

    /**
     * Defines a table from its columns, constraints, indexes and comment. A second table with the same name raises
     * an {@link ArgumentException}; so do unknown column names in constraints and a bad key declaration.
     */
    public synchronized Table table(String name, TableElement first, TableElement... rest) {
        return defineTable(null, name, true, first, rest);
    }

    /**
     * Defines a table in a named schema (SQLAlchemy's {@code Table(..., schema="archive")}): DDL and statements
     * name it {@code archive.orders}, and {@code table("archive.orders")} finds it. The schema must exist (a
     * database on MariaDB; on SQLite an attached database, such as {@code main}).
     */
    public synchronized Table table(String schema, String name, TableElement first, TableElement... rest) {
        Objects.requireNonNull(schema, "schema must not be null; use table(name, ...) for the default schema");
        return defineTable(schema, name, true, first, rest);
    }

    /**
     * Refuses a declared table whose names are too long for the databases this metadata is for (see
     * {@link #MetaData(NamingConvention, int)}), before it is defined: PostgreSQL would cut such a name to 63
     * characters without a word, and later statements using the full name would not find it.
     */
    private void checkNames(Table table) {
        if (maxNameLength == 0) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (table.schema() != null) {
            names.put(table.schema(), "schema");
        }
        names.put(table.name(), "table");
        for (Column<?> column : table.schemaColumns()) {
            names.putIfAbsent(column.name(), "column");
            column.defaultSequence().ifPresent(sequence -> names.putIfAbsent(sequence.name(), "sequence"));
        }
        table.primaryKey().ifPresent(key -> names.putIfAbsent(key.name(), "primary key"));
        table.uniqueConstraints().forEach(constraint -> names.putIfAbsent(constraint.name(), "unique constraint"));
        table.checkConstraints().forEach(constraint -> names.putIfAbsent(constraint.name(), "check constraint"));
        table.foreignKeyConstraints().forEach(constraint -> names.putIfAbsent(constraint.name(), "foreign key"));
        table.indexes().forEach(index -> names.putIfAbsent(index.name(), "index"));
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getKey();
            if (name.length() > maxNameLength) {
                throw new ArgumentException("The " + entry.getValue() + " name '" + name + "' of table '" + table
                        + "' is " + name.length() + " characters long, but this MetaData allows at most "
                        + maxNameLength + (maxNameLength == PORTABLE_NAME_LENGTH ? " (PostgreSQL's limit, the "
                        + "strictest of the supported databases)" : "") + ". The limits are: PostgreSQL 63, "
                        + "MariaDB and MySQL 64, H2 256, SQLite none. Shorten the name, or, if this metadata is only "
                        + "for databases that allow it, create it with new MetaData(namingConvention, "
                        + "maxNameLength).");
            }
        }
    }

    private Table defineTable(@Nullable String schema, String name, boolean checkNames, TableElement first,
            TableElement... rest) {
        Objects.requireNonNull(name, "table name must not be null");
        String key = schema == null ? name : schema + "." + name;
        if (tables.containsKey(key)) {
            throw new ArgumentException("This MetaData already has a table '" + key + "'. Get it with "
                    + "metadata.table(\"" + key + "\"), or give the new table another name.");
        }
        List<TableElement> elements = new ArrayList<>(rest.length + 1);
        elements.add(first);
        elements.addAll(List.of(rest));
        Table table = new Table(this, schema, name, elements);
        if (checkNames) {
            checkNames(table);
        }
        for (Column<?> column : table.schemaColumns()) {
            column.defaultSequence().ifPresent(sequence -> {
                Sequence known = sequences.get(sequence.name());
                if (known != null && !known.equals(sequence)) {
                    throw new ArgumentException("Column '" + name + "." + column.name() + "' uses the sequence "
                            + sequence + ", but this MetaData already has a different sequence of that name: "
                            + known + ". Use the same Sequence object.");
                }
            });
        }
        for (Column<?> column : table.schemaColumns()) {
            column.defaultSequence().ifPresent(sequence -> sequences.putIfAbsent(sequence.name(), sequence));
        }
        tables.put(key, table);
        return table;
    }

    /** The table with this name ({@code "schema.name"} for a table in a named schema); an unknown name raises an {@link ArgumentException} listing the tables. */
    public synchronized Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new ArgumentException("This MetaData has no table '" + name + "'; its tables are " + tables.keySet()
                    + ".");
        }
        return table;
    }

    /** The table with this name (or {@code "schema.name"}), if defined. */
    public synchronized Optional<Table> findTable(String name) {
        Table table = tables.get(name);
        if (table == null && name.indexOf('.') > 0) {
            table = tables.get(name.substring(name.lastIndexOf('.') + 1));
        }
        return Optional.ofNullable(table);
    }

    /** The named schemas this metadata's tables live in, in order of first use (the default schema is not listed). */
    public synchronized List<String> schemas() {
        Set<String> schemas = new LinkedHashSet<>();
        for (Table table : tables.values()) {
            if (table.schema() != null) {
                schemas.add(table.schema());
            }
        }
        return List.copyOf(schemas);
    }

    /** The tables, in definition order. */
    public synchronized List<Table> tables() {
        return List.copyOf(tables.values());
    }

    synchronized List<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /**
     * Adds a sequence, created by {@code createAll} where the database has sequences; returns it. Sequences that
     * columns take their defaults from ({@link Column#defaultSequence}) are added with their tables.
     */
    public synchronized Sequence sequence(Sequence sequence) {
        Objects.requireNonNull(sequence, "sequence must not be null");
        if (sequences.containsKey(sequence.name())) {
            throw new ArgumentException("This MetaData already has a sequence '" + sequence.name() + "'.");
        }
        sequences.put(sequence.name(), sequence);
        return sequence;
    }

    /** The sequences, in definition order. */
    public synchronized List<Sequence> sequences() {
        return List.copyOf(sequences.values());
    }

    /**
     * Checks that every foreign key refers to a defined table and existing columns; {@code createAll} calls it
     * first. Raises an {@link ArgumentException} naming the first bad key.
     */
    public void validate() {
        for (Table table : tables()) {
            for (ForeignKeyConstraint key : table.foreignKeyConstraints()) {
                key.referredColumns();
            }
        }
    }

    /** The tables in foreign-key order: each after the tables it refers to (cycles broken, see {@link #createAll}). */
    public List<Table> sortedTables() {
        return plan(true).order();
    }

    /** Creates the missing tables, indexes and sequences (check-first), in foreign-key order, in one transaction. */
    public void createAll(DdlExecutor executor) {
        createAll(executor, true);
    }

    /**
     * Creates every table, index and sequence, parents before children. With {@code checkFirst} only those that do
     * not exist yet are created; without it, an existing table makes the statement fail. Tables on a foreign-key
     * cycle are created without the keys that close the cycle, which are then added with ALTER TABLE (SQLite, which
     * cannot alter constraints, accepts references to tables created later, so it keeps them inline).
     */
    public void createAll(DdlExecutor executor, boolean checkFirst) {
        createAll(executor, CreateOptions.DEFAULT.withCheckFirst(checkFirst));
    }

    /**
     * Creates every table, index and sequence as {@link #createAll(DdlExecutor, boolean)} does, and first, with
     * {@link CreateOptions#createSchemas()}, the named schemas the tables live in (those missing, when checking
     * first): {@code CREATE SCHEMA IF NOT EXISTS archive} ({@code CREATE DATABASE} on MariaDB). On SQLite a schema is
     * an attached database: one that is attached passes, a missing one is refused with an
     * {@link io.mapper.exception.UnsupportedCompilationException} saying how to attach it.
     */
    public void createAll(DdlExecutor executor, CreateOptions options) {
        Objects.requireNonNull(executor, "executor must not be null: pass the Engine or a Connection");
        Objects.requireNonNull(options, "options must not be null; use CreateOptions.DEFAULT");
        boolean checkFirst = options.checkFirst();
        validate();
        executor.runDdl(session -> {
            DdlCapabilities capabilities = session.capabilities();
            if (options.createSchemas()) {
                for (String schema : schemas()) {
                    if (!checkFirst || !session.hasSchema(schema)) {
                        session.execute(new DdlElement.CreateSchema(schema, checkFirst));
                    }
                }
            }
            if (capabilities.sequences()) {
                for (Sequence sequence : sequences()) {
                    if (!checkFirst || !session.hasSequence(sequence.name())) {
                        session.execute(new DdlElement.CreateSequence(sequence));
                    }
                }
            }
            Plan plan = plan(capabilities.alterForeignKeys());
            Set<Table> created = new HashSet<>();
            for (Table table : plan.order()) {
                if (checkFirst && session.hasTable(table.schema(), table.name())) {
                    continue;
                }
                session.execute(new DdlElement.CreateTable(table, plan.deferredOf(table)));
                if (capabilities.commentStatements()) {
                    if (table.comment().isPresent()) {
                        session.execute(new DdlElement.SetTableComment(table));
                    }
                    for (Column<?> column : table.schemaColumns()) {
                        if (column.comment().isPresent()) {
                            session.execute(new DdlElement.SetColumnComment(column));
                        }
                    }
                }
                for (Index index : table.indexes()) {
                    session.execute(new DdlElement.CreateIndex(index));
                }
                created.add(table);
            }
            for (ForeignKeyConstraint key : plan.deferred()) {
                if (created.contains(key.table())) {
                    session.execute(new DdlElement.AddConstraint(key));
                }
            }
        });
    }

    /** Drops the existing tables and sequences (check-first), children before parents, in one transaction. */
    public void dropAll(DdlExecutor executor) {
        dropAll(executor, true);
    }

    /**
     * Drops every table and sequence, children before parents. With {@code checkFirst} only those that exist are
     * dropped. Foreign keys that close a cycle are dropped first with ALTER TABLE where the database can.
     */
    public void dropAll(DdlExecutor executor, boolean checkFirst) {
        Objects.requireNonNull(executor, "executor must not be null: pass the Engine or a Connection");
        validate();
        executor.runDdl(session -> {
            DdlCapabilities capabilities = session.capabilities();
            Plan plan = plan(capabilities.alterForeignKeys());
            Set<Table> existing = new LinkedHashSet<>();
            for (Table table : plan.order()) {
                if (!checkFirst || session.hasTable(table.schema(), table.name())) {
                    existing.add(table);
                }
            }
            for (ForeignKeyConstraint key : plan.deferred()) {
                if (existing.contains(key.table()) && existing.contains(key.referredTable())) {
                    session.execute(new DdlElement.DropConstraint(key));
                }
            }
            List<Table> reversed = new ArrayList<>(plan.order());
            Collections.reverse(reversed);
            for (Table table : reversed) {
                if (existing.contains(table)) {
                    session.execute(new DdlElement.DropTable(table));
                }
            }
            if (capabilities.sequences()) {
                for (Sequence sequence : sequences()) {
                    if (!checkFirst || session.hasSequence(sequence.name())) {
                        session.execute(new DdlElement.DropSequence(sequence));
                    }
                }
            }
        });
    }

    /**
     * The statements {@code createAll} would run on an empty database with these capabilities, without running
     * them: for reviewing DDL or writing a migration.
     */
    public List<DdlElement> createStatements(DdlCapabilities capabilities) {
        validate();
        List<DdlElement> statements = new ArrayList<>();
        if (capabilities.sequences()) {
            for (Sequence sequence : sequences()) {
                statements.add(new DdlElement.CreateSequence(sequence));
            }
        }
        Plan plan = plan(capabilities.alterForeignKeys());
        for (Table table : plan.order()) {
            statements.add(new DdlElement.CreateTable(table, plan.deferredOf(table)));
            if (capabilities.commentStatements()) {
                table.comment().ifPresent(comment -> statements.add(new DdlElement.SetTableComment(table)));
                for (Column<?> column : table.schemaColumns()) {
                    column.comment().ifPresent(comment -> statements.add(new DdlElement.SetColumnComment(column)));
                }
            }
            for (Index index : table.indexes()) {
                statements.add(new DdlElement.CreateIndex(index));
            }
        }
        for (ForeignKeyConstraint key : plan.deferred()) {
            statements.add(new DdlElement.AddConstraint(key));
        }
        return statements;
    }

    /** Table order and the foreign keys deferred to ALTER TABLE to break cycles. */
    private record Plan(List<Table> order, List<ForeignKeyConstraint> deferred) {

        Set<ForeignKeyConstraint> deferredOf(Table table) {
            Set<ForeignKeyConstraint> result = new HashSet<>();
            for (ForeignKeyConstraint key : deferred) {
                if (key.table() == table) {
                    result.add(key);
                }
            }
            return result;
        }
    }

    private Plan plan(boolean canAlterForeignKeys) {
        TopologicalSort.Result<Table> sorted = TopologicalSort.sort(tables(), Table::referredTables);
        if (!canAlterForeignKeys) {
            return new Plan(sorted.order(), List.of());
        }
        List<ForeignKeyConstraint> deferred = new ArrayList<>();
        for (TopologicalSort.Edge<Table> edge : sorted.brokenEdges()) {
            for (ForeignKeyConstraint key : edge.item().foreignKeyConstraints()) {
                if (key.referredTable() == edge.dependency()) {
                    deferred.add(key);
                }
            }
        }
        return new Plan(sorted.order(), List.copyOf(deferred));
    }

    // ---- Reflection (issue 3, reflection half) ----

    /**
     * Defines a {@link Table} for every table of a live schema that this metadata does not define yet, as read by
     * {@code source} (an engine, a connection, or an inspector over a named schema), and returns the tables it added.
     * SQLAlchemy's {@code metadata.reflect(engine)}.
     *
     * <pre>{@code
     * MetaData metadata = new MetaData();
     * metadata.reflect(engine);
     * Table orders = metadata.table("orders");
     * }</pre>
     *
     * <p>Columns keep their reflected types; a database type with no built-in counterpart becomes an
     * {@link io.mapper.types.UnknownType} of the same name. Constraint and index names are kept; those the database
     * left unnamed are named by this metadata's naming convention. See {@code docs/reflection.md} for what each
     * database can report.
     */
    public List<Table> reflect(Inspectable source) {
        Objects.requireNonNull(source, "source must not be null; pass an Engine, a Connection or an Inspector");
        return define(source.inspect().tables());
    }

    /**
     * Defines {@link Table}s for every table of a live schema and, when {@code views} is set, for every view too
     * (SQLAlchemy's {@code reflect(views=True)}): a view becomes a table with its columns and no keys, to query; never
     * create or drop it through this metadata.
     */
    public List<Table> reflect(Inspectable source, boolean views) {
        Objects.requireNonNull(source, "source must not be null; pass an Engine, a Connection or an Inspector");
        DatabaseInspector inspector = source.inspect();
        List<ReflectedTable> reflected = new ArrayList<>(inspector.tables());
        if (views) {
            for (String view : inspector.viewNames()) {
                reflected.add(inspector.table(view));
            }
        }
        return define(reflected);
    }

    /**
     * Defines {@link Table}s for the named tables of a live schema only (those this metadata does not define yet);
     * an unknown name raises {@link io.mapper.exception.NoSuchTableException}, listing the schema's tables.
     */
    public List<Table> reflect(Inspectable source, Collection<String> only) {
        Objects.requireNonNull(source, "source must not be null; pass an Engine, a Connection or an Inspector");
        Objects.requireNonNull(only, "only must not be null");
        DatabaseInspector inspector = source.inspect();
        List<ReflectedTable> reflected = new ArrayList<>();
        for (String name : new LinkedHashSet<>(only)) {
            reflected.add(inspector.table(name));
        }
        return define(reflected);
    }

    private synchronized List<Table> define(List<ReflectedTable> reflected) {
        List<Table> added = new ArrayList<>();
        for (ReflectedTable table : reflected) {
            String key = table.schema() == null ? table.name() : table.schema() + "." + table.name();
            if (tables.containsKey(key)) {
                continue;
            }
            // A table read from a named schema is defined in that schema, so statements and DDL qualify it.
            List<TableElement> elements = TableReflection.elements(table);
            added.add(defineTable(table.schema(), table.name(), false, elements.get(0),
                    elements.subList(1, elements.size()).toArray(TableElement[]::new)));
        }
        return List.copyOf(added);
    }

    @Override
    public String toString() {
        return "MetaData" + tableNames();
    }
}
