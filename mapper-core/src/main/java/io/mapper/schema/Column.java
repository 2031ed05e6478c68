package io.mapper.schema;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.TableClause;
import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/**
 * A column of a {@link Table}: a name, a type and the schema facts about it (key, nullability, defaults,
 * references). Built generatively and handed to {@code metadata.table(...)}:
 *
 * <pre>{@code
 * Column.of("id", Types.BIGINT).primaryKey().autoincrement()
 * Column.of("user_id", Types.BIGINT).notNull().references("user_account.id").onDelete(ReferentialAction.CASCADE)
 * }</pre>
 *
 * <p>Immutable and thread-safe; every option returns a new column. A column attached to a table is the copy the
 * table made; get it with {@code table.column("name", Type.class)}.
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> extends ColumnClause<T> implements TableElement {

    private record Options(boolean primaryKey, @Nullable Boolean nullable, boolean unique, boolean index,
            @Nullable ColumnDefault<?> clientDefault, @Nullable String serverDefault, boolean autoincrement,
            @Nullable String comment, @Nullable String references, @Nullable ReferentialAction onDelete,
            @Nullable ReferentialAction onUpdate, @Nullable Sequence sequence) {

        static final Options NONE = new Options(false, null, false, false, null, null, false, null, null, null, null,
                null);
    }

    private final Options options;

    private Column(String name, SqlType<T> type, @Nullable TableClause table, Options options) {
        super(name, type, table);
        this.options = options;
    }

    /** A nullable column with no constraints: {@code Column.of("name", Types.string(30))}. */
    public static <T> Column<T> of(String name, SqlType<T> type) {
        return new Column<>(name, type, null, Options.NONE);
    }

    private Column<T> with(Options newOptions) {
        return new Column<>(name(), type(), table(), newOptions);
    }

    @Override
    protected Column<T> withTable(TableClause owner) {
        return new Column<>(name(), type(), owner, options);
    }

    /** The table this column belongs to, or null before it is given to {@code metadata.table(...)}. */
    public @Nullable Table owner() {
        return table() instanceof Table table ? table : null;
    }

    // ---- options ----

    /** Makes the column (part of) the primary key; several primary-key columns form a composite key. */
    public Column<T> primaryKey() {
        Options o = options;
        return with(new Options(true, o.nullable, o.unique, o.index, o.clientDefault, o.serverDefault,
                o.autoincrement, o.comment, o.references, o.onDelete, o.onUpdate, o.sequence));
    }

    /** Adds NOT NULL. */
    public Column<T> notNull() {
        return nullable(false);
    }

    /** Whether the column accepts NULL; by default it does, unless it is part of the primary key. */
    public Column<T> nullable(boolean nullable) {
        Options o = options;
        return with(new Options(o.primaryKey, nullable, o.unique, o.index, o.clientDefault, o.serverDefault,
                o.autoincrement, o.comment, o.references, o.onDelete, o.onUpdate, o.sequence));
    }

    /** Adds a single-column UNIQUE constraint, named by the naming convention. */
    public Column<T> unique() {
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, true, o.index, o.clientDefault, o.serverDefault,
                o.autoincrement, o.comment, o.references, o.onDelete, o.onUpdate, o.sequence));
    }

    /** Adds a single-column index, named by the naming convention. */
    public Column<T> index() {
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, o.unique, true, o.clientDefault, o.serverDefault,
                o.autoincrement, o.comment, o.references, o.onDelete, o.onUpdate, o.sequence));
    }

    /** A client-side default: mapper inserts this value when an INSERT gives the column none. */
    public Column<T> defaultValue(T value) {
        return withDefault(ColumnDefault.ofValue(value));
    }

    /** A client-side default computed per inserted row: {@code .defaultValue(UUID::randomUUID)}. */
    public Column<T> defaultValue(Supplier<? extends T> supplier) {
        return withDefault(ColumnDefault.ofSupplier(supplier));
    }

    private Column<T> withDefault(ColumnDefault<T> value) {
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, o.unique, o.index, value, o.serverDefault,
                o.autoincrement, o.comment, o.references, o.onDelete, o.onUpdate, o.sequence));
    }

    /**
     * A server-side default, as SQL expression text rendered into the DDL: {@code .serverDefault("CURRENT_TIMESTAMP")},
     * {@code .serverDefault("'new'")}. It is trusted SQL: never build it from user input.
     */
    public Column<T> serverDefault(String sqlExpression) {
        Objects.requireNonNull(sqlExpression, "sqlExpression must not be null");
        if (options.sequence != null) {
            throw new ArgumentException("Column '" + name() + "' already takes its default from the sequence '"
                    + options.sequence.name() + "'; a column takes its default from a sequence or from SQL, not both.");
        }
        if (sqlExpression.isBlank()) {
            throw new ArgumentException("The server default of column '" + name() + "' is blank; give SQL such as "
                    + "\"CURRENT_TIMESTAMP\" or \"'text'\", or leave it out.");
        }
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, o.unique, o.index, o.clientDefault, sqlExpression,
                o.autoincrement, o.comment, o.references, o.onDelete, o.onUpdate, o.sequence));
    }

    /**
     * Lets the database generate the value: an identity column on PostgreSQL and H2, AUTO_INCREMENT on MariaDB,
     * {@code INTEGER PRIMARY KEY AUTOINCREMENT} on SQLite. Only for SMALLINT, INTEGER and BIGINT columns.
     */
    public Column<T> autoincrement() {
        if (!(type() instanceof BuiltInType<?> builtIn) || !(builtIn.kind() == BuiltInType.Kind.SMALLINT
                || builtIn.kind() == BuiltInType.Kind.INTEGER || builtIn.kind() == BuiltInType.Kind.BIGINT)) {
            throw new ArgumentException("Column '" + name() + "' is " + type().name() + "; only SMALLINT, INTEGER "
                    + "and BIGINT columns can be autoincrement. Use Types.BIGINT, or a client-side "
                    + "defaultValue(supplier) for other generated values.");
        }
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, o.unique, o.index, o.clientDefault, o.serverDefault,
                true, o.comment, o.references, o.onDelete, o.onUpdate, o.sequence));
    }

    /**
     * Takes the column's default from a sequence: {@code DEFAULT nextval('s')} on PostgreSQL,
     * {@code DEFAULT NEXT VALUE FOR s} on H2 and MariaDB. The metadata creates the sequence with the table.
     * SQLite has no sequences; there the column has no default and the application supplies values.
     */
    public Column<T> defaultSequence(Sequence sequence) {
        Objects.requireNonNull(sequence, "sequence must not be null");
        if (options.serverDefault != null) {
            throw new ArgumentException("Column '" + name() + "' already has the server default '"
                    + options.serverDefault + "'; a column takes its default from a sequence or from SQL, not both.");
        }
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, o.unique, o.index, o.clientDefault, o.serverDefault,
                o.autoincrement, o.comment, o.references, o.onDelete, o.onUpdate, sequence));
    }

    /** A comment stored with the column where the database keeps comments (not SQLite). */
    public Column<T> comment(String text) {
        Objects.requireNonNull(text, "comment must not be null");
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, o.unique, o.index, o.clientDefault, o.serverDefault,
                o.autoincrement, text, o.references, o.onDelete, o.onUpdate, o.sequence));
    }

    /**
     * A foreign key to {@code "table.column"} (or {@code "schema.table.column"}); the table may be defined later in
     * the same {@link MetaData}, and is checked when the metadata is used.
     */
    public Column<T> references(String target) {
        Objects.requireNonNull(target, "target must not be null");
        if (target.indexOf('.') <= 0 || target.endsWith(".")) {
            throw new ArgumentException("Column '" + name() + "' references '" + target + "', which is not of the "
                    + "form \"table.column\". Write references(\"user_account.id\").");
        }
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, o.unique, o.index, o.clientDefault, o.serverDefault,
                o.autoincrement, o.comment, target, o.onDelete, o.onUpdate, o.sequence));
    }

    /** The ON DELETE action of this column's foreign key; call after {@link #references(String)}. */
    public Column<T> onDelete(ReferentialAction action) {
        requireReference("onDelete");
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, o.unique, o.index, o.clientDefault, o.serverDefault,
                o.autoincrement, o.comment, o.references, Objects.requireNonNull(action), o.onUpdate,
                o.sequence));
    }

    /** The ON UPDATE action of this column's foreign key; call after {@link #references(String)}. */
    public Column<T> onUpdate(ReferentialAction action) {
        requireReference("onUpdate");
        Options o = options;
        return with(new Options(o.primaryKey, o.nullable, o.unique, o.index, o.clientDefault, o.serverDefault,
                o.autoincrement, o.comment, o.references, o.onDelete, Objects.requireNonNull(action),
                o.sequence));
    }

    private void requireReference(String option) {
        if (options.references == null) {
            throw new ArgumentException(option + "(...) on column '" + name() + "' needs a foreign key: call "
                    + "references(\"table.column\") first.");
        }
    }

    // ---- accessors ----

    /** Whether the column is part of the primary key. */
    public boolean isPrimaryKey() {
        return options.primaryKey;
    }

    /** Whether the column accepts NULL: as declared, else true unless it is part of the primary key. */
    public boolean isNullable() {
        return options.nullable != null ? options.nullable : !options.primaryKey;
    }

    /** Whether the column declared a single-column UNIQUE constraint. */
    public boolean isUnique() {
        return options.unique;
    }

    /** Whether the column declared a single-column index. */
    public boolean isIndexed() {
        return options.index;
    }

    /** Whether the database generates the column's values. */
    public boolean isAutoincrement() {
        return options.autoincrement;
    }

    /** The client-side default, applied by the Core INSERT compiler when the statement gives no value. */
    @SuppressWarnings("unchecked")
    public Optional<ColumnDefault<T>> clientDefault() {
        return Optional.ofNullable((ColumnDefault<T>) options.clientDefault);
    }

    /** The server default as SQL text. */
    public Optional<String> serverDefault() {
        return Optional.ofNullable(options.serverDefault);
    }

    /** The sequence the column takes its default from. */
    public Optional<Sequence> defaultSequence() {
        return Optional.ofNullable(options.sequence);
    }

    /** The column's comment. */
    public Optional<String> comment() {
        return Optional.ofNullable(options.comment);
    }

    /** The {@code "table.column"} this column refers to, if declared with {@link #references(String)}. */
    public Optional<String> references() {
        return Optional.ofNullable(options.references);
    }

    @Nullable ReferentialAction onDeleteAction() {
        return options.onDelete;
    }

    @Nullable ReferentialAction onUpdateAction() {
        return options.onUpdate;
    }
}
