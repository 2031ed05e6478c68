package io.mapper.migration;

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

import io.mapper.compiler.DdlCompiler;
import io.mapper.dialect.Dialect;
import io.mapper.engine.Engine;
import io.mapper.schema.CheckConstraint;
import io.mapper.schema.Column;
import io.mapper.schema.Constraint;
import io.mapper.schema.ForeignKeyConstraint;
import io.mapper.schema.Index;
import io.mapper.schema.MetaData;
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
 * RESTRICT referential actions count as the same. Primary keys, comments and sequences are not compared.
 */
public final class SchemaComparison {

    private final Dialect dialect;
    private final DdlCompiler ddl;
    private final CompareOptions options;
    private final List<MigrationOperation> operations = new ArrayList<>();

    private SchemaComparison(Dialect dialect, CompareOptions options) {
        this.dialect = dialect;
        this.ddl = dialect.newDdlCompiler();
        this.options = options;
    }

    /** The differences between {@code models} and the database {@code engine} connects to. */
    public static SchemaDiff compare(Engine engine, MetaData models, CompareOptions options) {
        Objects.requireNonNull(engine, "engine must not be null");
        Objects.requireNonNull(models, "models must not be null: pass the Core MetaData or sessionFactory.metadata()");
        Objects.requireNonNull(options, "options must not be null; use CompareOptions.DEFAULT");
        models.validate();
        MetaData live = new MetaData(models.namingConvention());
        live.reflect(engine);
        return new SchemaComparison(engine.dialect(), options).compare(models, live);
    }

    private SchemaDiff compare(MetaData models, MetaData live) {
        Map<String, Table> liveTables = new LinkedHashMap<>();
        for (Table table : live.tables()) {
            if (!options.ignores(table.name())) {
                liveTables.put(key(table.name()), table);
            }
        }
        Set<String> modelled = new HashSet<>();
        Set<String> created = new HashSet<>();
        for (Table model : models.sortedTables()) {
            modelled.add(key(model.name()));
            Table existing = liveTables.get(key(model.name()));
            if (existing == null) {
                operations.add(createTable(model, liveTables.keySet(), created));
                created.add(key(model.name()));
            } else {
                compareTable(model, existing);
            }
        }
        // Dropped tables go children first: the reverse of the live schema's foreign-key order.
        List<Table> liveOrder = new ArrayList<>(live.sortedTables());
        Collections.reverse(liveOrder);
        for (Table table : liveOrder) {
            if (!options.ignores(table.name()) && !modelled.contains(key(table.name()))) {
                operations.add(new MigrationOperation.DropTable(table));
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
            if (!referred.equals(key(model.name())) && !created.contains(referred) && !liveTables.contains(referred)) {
                deferred.add(key);
                operations.add(new MigrationOperation.AddConstraint(key));
            }
        }
        return new MigrationOperation.CreateTable(model, deferred);
    }

    /** Where an operation goes in the migration; see {@link SchemaDiff}. */
    static int phase(MigrationOperation operation) {
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
                || operation instanceof MigrationOperation.AlterColumnDefault) {
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
        compareUniquesAndIndexes(model, live);
        compareChecks(model, live);
        compareForeignKeys(model, live);
    }

    private void compareColumn(Column<?> model, Column<?> live, boolean keyColumn) {
        String modelType = ddl.columnTypeSql(model);
        String liveType = ddl.columnTypeSql(live);
        if (!normalizeType(modelType).equals(normalizeType(liveType))) {
            operations.add(new MigrationOperation.AlterColumnType(live, model, liveType, modelType,
                    narrows(live.type(), model.type())));
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

    private void compareChecks(Table model, Table live) {
        List<CheckConstraint> liveChecks = new ArrayList<>(live.checkConstraints());
        for (CheckConstraint check : model.checkConstraints()) {
            // A native ENUM column (MariaDB) needs no check; createAll leaves it out.
            if (check.enumColumn().isPresent() && dialect.typeCompiler().nativeEnum()) {
                continue;
            }
            if (!removeFirst(liveChecks, candidate -> key(candidate.name()).equals(key(check.name())))) {
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
            if (!removeFirst(liveKeys, candidate -> signature(candidate).equals(signature))) {
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

    // ---- Types and defaults ---------------------------------------------------------------------------------------

    private static String normalizeType(String sql) {
        return sql.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Whether values of {@code from} may not fit {@code to}: a shorter length, a smaller precision or scale, or a
     * change of kind that is not a plain widening (SMALLINT to INTEGER to BIGINT to NUMERIC, REAL to DOUBLE, VARCHAR
     * to TEXT). A type mapper does not know may lose anything.
     */
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
        return text.equals("null") ? "" : text;
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
