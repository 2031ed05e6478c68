package io.mapper.migration;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mapper.compiler.DdlCompiler;
import io.mapper.dialect.Dialect;
import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.engine.Inspector;
import io.mapper.exception.ArgumentException;
import io.mapper.schema.CheckConstraint;
import io.mapper.schema.Column;
import io.mapper.schema.Constraint;
import io.mapper.schema.ForeignKeyConstraint;
import io.mapper.schema.Index;
import io.mapper.schema.MetaData;
import io.mapper.schema.PrimaryKeyConstraint;
import io.mapper.schema.Sequence;
import io.mapper.schema.Table;
import io.mapper.schema.UniqueConstraint;
import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.types.BuiltInType;
import io.mapper.types.ConvertedType;
import io.mapper.types.SqlType;

/**
 * Compares a {@link MetaData} with the schema of a live database and returns the {@link SchemaDiff} that would make
 * the database match it. Alembic's {@code compare_metadata}.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaComparison.compare(engine, sessionFactory.metadata(), CompareOptions.DEFAULT);
 * diff.describe();   // [add table orders, add column customer.email, ...]
 * }</pre>
 *
 * <p>The database is read through reflection (see {@code docs/reflection.md} for what each database reports), and
 * compared by what it can express: a type is compared as the database's DDL declares it, so a REAL that MariaDB
 * keeps as DOUBLE, or a JSON column that SQLite keeps as TEXT, is no difference. Names of tables, columns, indexes
 * and check constraints are compared case-insensitively; unique constraints and foreign keys are matched by their
 * columns (a unique index matches a unique constraint, as MariaDB has only the former); unset, NO ACTION and
 * RESTRICT referential actions count as the same. Primary keys are compared by their columns, check constraints
 * by name and then by the string literals in them, sequences by name, start and increment, and comments where the
 * database keeps them.
 */
public final class SchemaComparison {

    private final Dialect dialect;
    private final DdlCompiler ddl;
    private final CompareOptions options;
    private final List<MigrationOperation> operations = new ArrayList<>();
    private final Set<String> droppedSequences = new HashSet<>();
    /** Signatures of the current table's foreign keys that are dropped and added again around a new primary key. */
    private final Set<String> recreatedForeignKeys = new HashSet<>();

    private SchemaComparison(Dialect dialect, CompareOptions options) {
        this.dialect = dialect;
        this.ddl = dialect.newDdlCompiler();
        this.options = options;
    }

    /**
     * The differences between {@code models} and the database {@code engine} connects to.
     *
     * @throws ArgumentException when a name the migration would create is longer than the database allows
     */
    public static SchemaDiff compare(Engine engine, MetaData models, CompareOptions options) {
        Objects.requireNonNull(engine, "engine must not be null");
        Objects.requireNonNull(models, "models must not be null: pass the Core MetaData or sessionFactory.metadata()");
        Objects.requireNonNull(options, "options must not be null; use CompareOptions.DEFAULT");
        models.validate();
        MetaData live = new MetaData(models.namingConvention());
        live.reflect(engine);
        // Every named schema the models use is compared too (Alembic's include_schemas, limited to the model's
        // schemas); a schema that does not exist yet has no tables, so its tables are created (the schema is not).
        for (String schema : models.schemas()) {
            Inspector inspector = engine.inspect().schema(schema);
            if (exists(inspector)) {
                live.reflect(inspector);
            }
        }
        Dialect dialect = engine.dialect();
        List<Sequence> liveSequences;
        int maxIdentifierLength;
        try (Connection connection = engine.connect()) {
            java.sql.Connection jdbc = connection.jdbcConnection();
            liveSequences = dialect.ddlCapabilities().sequences()
                    ? dialect.schemaReader().sequences(jdbc) : List.of();
            maxIdentifierLength = maxIdentifierLength(jdbc.getMetaData());
        } catch (SQLException e) {
            throw new ArgumentException("Cannot read the sequences and name limits of the " + dialect.name()
                    + " database: " + e.getMessage() + ". Check that the engine's user may read its catalog.");
        }
        SchemaComparison comparison = new SchemaComparison(dialect, options);
        SchemaDiff diff = comparison.compare(models, live, liveSequences);
        comparison.checkNameLengths(diff, maxIdentifierLength);
        return diff;
    }

    private static boolean exists(Inspector schema) {
        try {
            schema.tableNames();
            return true;
        } catch (ArgumentException unknownSchema) {
            return false;
        }
    }

    /** The longest table or column name the driver says the database keeps whole; 0 when it sets no limit. */
    private static int maxIdentifierLength(DatabaseMetaData metaData) throws SQLException {
        int limit = 0;
        for (int reported : new int[] {metaData.getMaxTableNameLength(), metaData.getMaxColumnNameLength()}) {
            if (reported > 0) {
                limit = limit == 0 ? reported : Math.min(limit, reported);
            }
        }
        return limit;
    }

    /**
     * Fails on a name the migration would create that the database would truncate (PostgreSQL, which then never
     * finds it again) or reject (MariaDB): the name, its length and the database's limit.
     */
    private void checkNameLengths(SchemaDiff diff, int limit) {
        if (limit <= 0) {
            return;
        }
        List<String> tooLong = new ArrayList<>();
        for (MigrationOperation operation : diff.operations()) {
            for (String name : createdNames(operation)) {
                if (name.length() > limit && !tooLong.contains(name)) {
                    tooLong.add(name);
                }
            }
        }
        if (!tooLong.isEmpty()) {
            throw new ArgumentException(dialect.name() + " keeps names of at most " + limit + " characters, and the "
                    + "migration would create " + String.join(", ", tooLong.stream()
                            .map(name -> "'" + name + "' (" + name.length() + ")").toList())
                    + ". Shorten the name in the model (@Table, @Column, or an explicit constraint or index name).");
        }
    }

    private static List<String> createdNames(MigrationOperation operation) {
        List<String> names = new ArrayList<>();
        if (operation instanceof MigrationOperation.CreateTable create) {
            Table table = create.table();
            names.add(table.name());
            table.schemaColumns().forEach(column -> names.add(column.name()));
            table.primaryKey().ifPresent(key -> names.add(key.name()));
            table.uniqueConstraints().forEach(constraint -> names.add(constraint.name()));
            table.checkConstraints().forEach(constraint -> names.add(constraint.name()));
            table.foreignKeyConstraints().forEach(constraint -> names.add(constraint.name()));
            table.indexes().forEach(index -> names.add(index.name()));
        } else if (operation instanceof MigrationOperation.AddColumn add) {
            names.add(add.column().name());
        } else if (operation instanceof MigrationOperation.AddConstraint add) {
            names.add(add.constraint().name());
        } else if (operation instanceof MigrationOperation.CreateIndex create) {
            names.add(create.index().name());
        } else if (operation instanceof MigrationOperation.CreateSequence create) {
            names.add(create.sequence().name());
        }
        return names;
    }

    private SchemaDiff compare(MetaData models, MetaData live, List<Sequence> liveSequences) {
        compareSequences(models, liveSequences);
        Map<String, Table> liveTables = new LinkedHashMap<>();
        for (Table table : live.tables()) {
            if (!options.ignores(table.name())) {
                liveTables.put(tableKey(table), table);
            }
        }
        Set<String> modelled = new HashSet<>();
        Set<String> created = new HashSet<>();
        for (Table model : models.sortedTables()) {
            modelled.add(tableKey(model));
            Table existing = liveTables.get(tableKey(model));
            if (existing == null) {
                operations.add(createTable(model, liveTables.keySet(), created));
                created.add(tableKey(model));
            } else {
                compareTable(model, existing);
            }
        }
        // Dropped tables go children first: the reverse of the live schema's foreign-key order.
        List<Table> liveOrder = new ArrayList<>(live.sortedTables());
        Collections.reverse(liveOrder);
        for (Table table : liveOrder) {
            if (!options.ignores(table.name()) && !modelled.contains(tableKey(table))) {
                operations.add(new MigrationOperation.DropTable(table));
            }
        }
        for (Sequence sequence : liveSequences) {
            if (droppedSequences.contains(key(sequence.name()))) {
                operations.add(new MigrationOperation.DropSequence(sequence));
            }
        }
        List<MigrationOperation> ordered = new ArrayList<>(operations);
        // A stable sort: within a phase the tables keep their foreign-key order.
        ordered.sort(Comparator.comparingInt(SchemaComparison::phase));
        return new SchemaDiff(ordered);
    }

    /**
     * CREATE TABLE for a new table; a foreign key to a new table that comes later in the order (a cycle, which
     * {@code sortedTables} broke) is added afterwards where ALTER TABLE can add one. SQLite accepts a reference to a
     * table created later, so there it stays inline.
     */
    private MigrationOperation createTable(Table model, Set<String> liveTables, Set<String> created) {
        if (!dialect.ddlCapabilities().alterForeignKeys()) {
            return new MigrationOperation.CreateTable(model);
        }
        Set<ForeignKeyConstraint> deferred = new HashSet<>();
        for (ForeignKeyConstraint key : model.foreignKeyConstraints()) {
            String referred = key(key.referredTableName());
            if (!referred.equals(tableKey(model)) && !created.contains(referred) && !liveTables.contains(referred)) {
                deferred.add(key);
                operations.add(new MigrationOperation.AddConstraint(key));
            }
        }
        return new MigrationOperation.CreateTable(model, deferred);
    }

    /** New sequences are created and changed ones altered first; those no model uses are dropped last. */
    private void compareSequences(MetaData models, List<Sequence> liveSequences) {
        if (!dialect.ddlCapabilities().sequences()) {
            return;
        }
        Map<String, Sequence> live = new LinkedHashMap<>();
        liveSequences.forEach(sequence -> live.put(key(sequence.name()), sequence));
        for (Sequence model : models.sequences()) {
            Sequence existing = live.remove(key(model.name()));
            if (existing == null) {
                operations.add(new MigrationOperation.CreateSequence(model));
            } else if (existing.start() != model.start() || existing.increment() != model.increment()) {
                operations.add(new MigrationOperation.AlterSequence(existing, model));
            }
        }
        droppedSequences.addAll(live.keySet());
    }

    /** Where an operation goes in the migration; see {@link SchemaDiff}. */
    static int phase(MigrationOperation operation) {
        if (operation instanceof MigrationOperation.CreateSequence
                || operation instanceof MigrationOperation.AlterSequence) {
            return -1;
        }
        if (operation instanceof MigrationOperation.DropSequence) {
            return 9;
        }
        if (operation instanceof MigrationOperation.DropConstraint drop) {
            return drop.constraint() instanceof ForeignKeyConstraint ? 0 : 1;
        }
        if (operation instanceof MigrationOperation.DropIndex) {
            return 1;
        }
        if (operation instanceof MigrationOperation.CreateTable) {
            return 2;
        }
        if (operation instanceof MigrationOperation.AddColumn) {
            return 3;
        }
        if (operation instanceof MigrationOperation.AlterColumnType
                || operation instanceof MigrationOperation.AlterColumnNullability
                || operation instanceof MigrationOperation.AlterColumnDefault
                || operation instanceof MigrationOperation.AlterColumnComment
                || operation instanceof MigrationOperation.AlterTableComment) {
            return 4;
        }
        if (operation instanceof MigrationOperation.AddConstraint add) {
            return add.constraint() instanceof ForeignKeyConstraint ? 6 : 5;
        }
        if (operation instanceof MigrationOperation.CreateIndex) {
            return 5;
        }
        if (operation instanceof MigrationOperation.DropColumn) {
            return 7;
        }
        return 8;
    }

    // ---- One table ----------------------------------------------------------------------------------------------

    private void compareTable(Table model, Table live) {
        recreatedForeignKeys.clear();
        Map<String, Column<?>> liveColumns = new LinkedHashMap<>();
        for (Column<?> column : live.schemaColumns()) {
            liveColumns.put(key(column.name()), column);
        }
        Set<String> keyColumns = new HashSet<>();
        model.primaryKey().ifPresent(key -> key.columnNames().forEach(name -> keyColumns.add(key(name))));
        for (Column<?> column : model.schemaColumns()) {
            Column<?> existing = liveColumns.remove(key(column.name()));
            if (existing == null) {
                operations.add(new MigrationOperation.AddColumn(column));
            } else {
                compareColumn(column, existing, keyColumns.contains(key(column.name())));
            }
        }
        for (Column<?> dropped : liveColumns.values()) {
            operations.add(new MigrationOperation.DropColumn(dropped));
        }
        comparePrimaryKeys(model, live);
        if (dialect.supportsComments() && !normalizeComment(model.comment()).equals(normalizeComment(live.comment()))) {
            operations.add(new MigrationOperation.AlterTableComment(live, model));
        }
        compareUniquesAndIndexes(model, live);
        compareChecks(model, live);
        compareForeignKeys(model, live);
    }

    /**
     * A primary key on other columns is dropped and added again (by columns: each database names its own key); a
     * primary key only one side has is added or dropped.
     */
    private void comparePrimaryKeys(Table model, Table live) {
        Optional<PrimaryKeyConstraint> modelKey = model.primaryKey();
        Optional<PrimaryKeyConstraint> liveKey = live.primaryKey();
        List<String> modelColumns = modelKey.map(key -> keys(key.columnNames())).orElse(List.of());
        List<String> liveColumns = liveKey.map(key -> keys(key.columnNames())).orElse(List.of());
        if (modelColumns.equals(liveColumns)) {
            return;
        }
        liveKey.ifPresent(key -> operations.add(new MigrationOperation.DropConstraint(key)));
        modelKey.ifPresent(key -> operations.add(new MigrationOperation.AddConstraint(key)));
        // A foreign key on the old key's columns may use its index (MariaDB, H2 refuse to drop it then): such keys
        // are dropped first and added again after the new primary key.
        for (ForeignKeyConstraint key : live.foreignKeyConstraints()) {
            if (keys(key.columnNames()).stream().anyMatch(liveColumns::contains)) {
                recreatedForeignKeys.add(signature(key));
            }
        }
    }

    private void compareColumn(Column<?> model, Column<?> live, boolean keyColumn) {
        String modelType = ddl.columnTypeSql(model);
        String liveType = ddl.columnTypeSql(live);
        if (!normalizeType(modelType).equals(normalizeType(liveType))) {
            operations.add(new MigrationOperation.AlterColumnType(live, model, liveType, modelType,
                    narrows(live.type(), model.type(), liveType)));
        }
        if (dialect.supportsComments()
                && !normalizeComment(model.comment()).equals(normalizeComment(live.comment()))) {
            operations.add(new MigrationOperation.AlterColumnComment(live, model));
        }
        // Key columns are NOT NULL whatever was declared (and SQLite reports its rowid key either way).
        if (!keyColumn && model.isNullable() != live.isNullable()) {
            operations.add(new MigrationOperation.AlterColumnNullability(live, model));
        }
        if (options.serverDefaults() && !model.isAutoincrement()
                && !normalizeDefault(model.serverDefault()).equals(normalizeDefault(live.serverDefault()))) {
            operations.add(new MigrationOperation.AlterColumnDefault(live, model));
        }
    }

    private void compareUniquesAndIndexes(Table model, Table live) {
        List<UniqueConstraint> liveUniques = new ArrayList<>(live.uniqueConstraints());
        List<Index> liveIndexes = new ArrayList<>(live.indexes());
        for (UniqueConstraint unique : model.uniqueConstraints()) {
            List<String> columns = keys(unique.columnNames());
            if (!removeFirst(liveUniques, candidate -> keys(candidate.columnNames()).equals(columns))
                    && !removeFirst(liveIndexes, candidate -> candidate.isUnique()
                            && keys(candidate.columnNames()).equals(columns))) {
                operations.add(new MigrationOperation.AddConstraint(unique));
            }
        }
        for (Index index : model.indexes()) {
            List<String> columns = keys(index.columnNames());
            boolean matched = removeFirst(liveIndexes, candidate -> key(candidate.name()).equals(key(index.name()))
                    && candidate.isUnique() == index.isUnique() && keys(candidate.columnNames()).equals(columns))
                    || removeFirst(liveIndexes, candidate -> candidate.isUnique() == index.isUnique()
                            && keys(candidate.columnNames()).equals(columns))
                    // MariaDB reports a unique index as a unique constraint.
                    || index.isUnique() && removeFirst(liveUniques,
                            candidate -> keys(candidate.columnNames()).equals(columns));
            if (!matched) {
                operations.add(new MigrationOperation.CreateIndex(index));
            }
        }
        for (UniqueConstraint unique : liveUniques) {
            operations.add(new MigrationOperation.DropConstraint(unique));
        }
        for (Index index : liveIndexes) {
            operations.add(new MigrationOperation.DropIndex(index));
        }
    }

    /**
     * Checks are matched by name, then by content: each database gives the condition back in its own spelling
     * ({@code "STATUS" IN('a', 'b')}, {@code (status)::text = ANY (ARRAY['a'::character varying, ...])}), so what is
     * compared is the set of string literals in it, which is what changes when an enum gains or loses a value. A
     * check whose literals differ is dropped and added again.
     */
    private void compareChecks(Table model, Table live) {
        List<CheckConstraint> liveChecks = new ArrayList<>(live.checkConstraints());
        for (CheckConstraint check : model.checkConstraints()) {
            // A native ENUM column (MariaDB) needs no check; createAll leaves it out.
            if (check.enumColumn().isPresent() && dialect.typeCompiler().nativeEnum()) {
                continue;
            }
            Optional<CheckConstraint> existing = live.checkConstraints().stream()
                    .filter(candidate -> liveChecks.contains(candidate)
                            && key(candidate.name()).equals(key(check.name())))
                    .findFirst();
            if (existing.isEmpty()) {
                operations.add(new MigrationOperation.AddConstraint(check));
                continue;
            }
            liveChecks.remove(existing.get());
            Set<String> liveLiterals = existing.get().sqlText().map(SchemaComparison::literals).orElse(Set.of());
            if (!liveLiterals.equals(modelLiterals(check))) {
                operations.add(new MigrationOperation.DropConstraint(existing.get()));
                operations.add(new MigrationOperation.AddConstraint(check));
            }
        }
        for (CheckConstraint check : liveChecks) {
            operations.add(new MigrationOperation.DropConstraint(check));
        }
    }

    private void compareForeignKeys(Table model, Table live) {
        List<ForeignKeyConstraint> liveKeys = new ArrayList<>(live.foreignKeyConstraints());
        for (ForeignKeyConstraint key : model.foreignKeyConstraints()) {
            String signature = signature(key);
            if (recreatedForeignKeys.contains(signature)) {
                operations.add(new MigrationOperation.AddConstraint(key));
            } else if (!removeFirst(liveKeys, candidate -> signature(candidate).equals(signature))) {
                operations.add(new MigrationOperation.AddConstraint(key));
            }
        }
        // A live key that differs only in its actions is dropped here and added again above.
        for (ForeignKeyConstraint key : liveKeys) {
            operations.add(new MigrationOperation.DropConstraint(key));
        }
    }

    private static String signature(ForeignKeyConstraint key) {
        return keys(key.columnNames()) + "->" + key(key.referredTableName()) + keys(key.referredColumnNames())
                + " delete " + effective(key.onDelete()) + " update " + effective(key.onUpdate());
    }

    /** Unset, NO ACTION and RESTRICT behave alike (MariaDB reports the first two as RESTRICT). */
    private static String effective(Optional<ReferentialAction> action) {
        ReferentialAction value = action.orElse(ReferentialAction.NO_ACTION);
        return value == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION.name() : value.name();
    }

    /** The string literals of a model check: an enum column's values, or those in the condition's text. */
    private static Set<String> modelLiterals(CheckConstraint check) {
        if (check.enumColumn().isPresent()
                && storage(check.enumColumn().get().type()) instanceof BuiltInType<?> type
                && type.kind() == BuiltInType.Kind.ENUM) {
            return new HashSet<>(type.enumValues());
        }
        return check.sqlText().map(SchemaComparison::literals).orElse(Set.of());
    }

    private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    /** The values of the SQL string literals in a text, unescaped. */
    static Set<String> literals(String sql) {
        Set<String> values = new HashSet<>();
        Matcher matcher = STRING_LITERAL.matcher(sql);
        while (matcher.find()) {
            values.add(matcher.group(1).replace("''", "'"));
        }
        return values;
    }

    // ---- Types and defaults ---------------------------------------------------------------------------------------

    private static String normalizeType(String sql) {
        return sql.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Whether values of {@code from} may not fit {@code to}: a shorter length, a smaller precision or scale, or a
     * change of kind that is not a plain widening (SMALLINT to INTEGER to BIGINT to NUMERIC, REAL to DOUBLE, VARCHAR
     * to TEXT). A type mapper does not know may lose anything.
     */
    static boolean narrows(SqlType<?> from, SqlType<?> to, String fromSql) {
        // A native ENUM (MariaDB) comes back as a type mapper does not know: its values are in its DDL.
        if (storage(to) instanceof BuiltInType<?> target && target.kind() == BuiltInType.Kind.ENUM
                && fromSql.trim().toUpperCase(Locale.ROOT).startsWith("ENUM(")) {
            return !target.enumValues().containsAll(literals(fromSql));
        }
        return narrows(from, to);
    }

    static boolean narrows(SqlType<?> from, SqlType<?> to) {
        if (!(storage(from) instanceof BuiltInType<?> before) || !(storage(to) instanceof BuiltInType<?> after)) {
            return true;
        }
        if (before.kind() == after.kind()) {
            return smaller(after.length(), before.length()) || smaller(after.precision(), before.precision())
                    || smaller(after.scale(), before.scale())
                    || before.kind() == BuiltInType.Kind.ENUM && !after.enumValues().containsAll(before.enumValues());
        }
        return switch (before.kind()) {
            case SMALLINT -> !Set.of(BuiltInType.Kind.INTEGER, BuiltInType.Kind.BIGINT, BuiltInType.Kind.NUMERIC)
                    .contains(after.kind());
            case INTEGER -> !Set.of(BuiltInType.Kind.BIGINT, BuiltInType.Kind.NUMERIC).contains(after.kind());
            case BIGINT -> after.kind() != BuiltInType.Kind.NUMERIC;
            case REAL -> after.kind() != BuiltInType.Kind.DOUBLE;
            case VARCHAR, ENUM -> after.kind() != BuiltInType.Kind.TEXT;
            default -> true;
        };
    }

    private static boolean smaller(Integer after, Integer before) {
        // No limit is the widest.
        return after != null && (before == null || after < before);
    }

    private static SqlType<?> storage(SqlType<?> type) {
        return type instanceof ConvertedType<?, ?> converted ? storage(converted.storage()) : type;
    }

    /**
     * A server default as comparable text: without PostgreSQL's casts ({@code 'new'::character varying}), outer
     * parentheses and MariaDB's empty call parentheses ({@code current_timestamp()}), in lower case.
     */
    static String normalizeDefault(Optional<String> serverDefault) {
        if (serverDefault.isEmpty()) {
            return "";
        }
        String text = serverDefault.get().trim();
        String previous;
        do {
            previous = text;
            text = text.replaceAll("::[A-Za-z_ ]+(\\([0-9, ]*\\))?(\\[\\])?", "").trim();
            if (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
                text = text.substring(1, text.length() - 1).trim();
            }
        } while (!text.equals(previous));
        text = text.replace("()", "").toLowerCase(Locale.ROOT);
        // MariaDB gives a TIMESTAMP(6) column's default as current_timestamp(6), and now() is the same function.
        text = text.replaceAll("\\b(current_timestamp|localtimestamp|now)\\(\\d*\\)", "$1")
                .replaceAll("\\b(now|localtimestamp)\\b", "current_timestamp");
        // Booleans: MariaDB keeps TRUE as 1; a number may come back quoted ('1') or not.
        text = switch (text) {
            case "true" -> "1";
            case "false" -> "0";
            default -> text.matches("'-?[0-9]+(\\.[0-9]+)?'") ? text.substring(1, text.length() - 1) : text;
        };
        return text.equals("null") ? "" : text;
    }

    /** A comment as comparable text: none and an empty comment are the same (PostgreSQL removes an empty one). */
    private static String normalizeComment(Optional<String> comment) {
        return comment.map(String::trim).orElse("");
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char character : text.toCharArray()) {
            depth += character == '(' ? 1 : character == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    // ---- Names ----------------------------------------------------------------------------------------------------

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A table as the comparison matches it: {@code schema.name} in a named schema, case-insensitively. */
    private static String tableKey(Table table) {
        return key(table.schema() == null ? table.name() : table.schema() + "." + table.name());
    }

    private static List<String> keys(List<String> names) {
        return names.stream().map(SchemaComparison::key).toList();
    }

    private static <T> boolean removeFirst(List<T> items, Predicate<T> match) {
        for (int i = 0; i < items.size(); i++) {
            if (match.test(items.get(i))) {
                items.remove(i);
                return true;
            }
        }
        return false;
    }
}
