package io.mapper.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.ForeignKeyReference;
import io.mapper.sql.TableClause;
import io.mapper.types.BuiltInType;

/**
 * A table of a {@link MetaData}: its columns and its keys, constraints and indexes, with constraint names from the
 * metadata's {@link NamingConvention}. Created with {@code metadata.table(...)}:
 *
 * <pre>{@code
 * Table users = metadata.table("user_account",
 *         Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
 *         Column.of("name", Types.string(30)).notNull(),
 *         Column.of("fullname", Types.TEXT));
 * Column<String> name = users.column("name", String.class);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Foreign keys are resolved against the metadata when used, so tables may be defined
 * in any order.
 */
public final class Table extends TableClause {

    private final MetaData metadata;
    private final @Nullable PrimaryKeyConstraint primaryKey;
    private final List<UniqueConstraint> uniqueConstraints;
    private final List<CheckConstraint> checkConstraints;
    private final List<ForeignKeyConstraint> foreignKeyConstraints;
    private final List<Index> indexes;
    private final @Nullable String comment;

    Table(MetaData metadata, String name, List<TableElement> elements) {
        this(metadata, null, name, elements);
    }

    Table(MetaData metadata, @Nullable String schema, String name, List<TableElement> elements) {
        super(name, schema, columnsOf(name, elements));
        this.metadata = metadata;
        NamingConvention convention = metadata.namingConvention();
        List<Column<?>> columns = schemaColumns();

        PrimaryKeyConstraint declaredKey = null;
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<ForeignKeyConstraint> foreignKeys = new ArrayList<>();
        List<Index> declaredIndexes = new ArrayList<>();
        String tableComment = null;
        for (Column<?> column : columns) {
            if (column.isUnique()) {
                uniques.add(UniqueConstraint.of(column.name()));
            }
            if (column.isIndexed()) {
                declaredIndexes.add(Index.on(column.name()));
            }
            if (column.references().isPresent()) {
                ForeignKeyConstraint key = ForeignKeyConstraint.of(column.name(), column.references().get());
                if (column.onDeleteAction() != null) {
                    key = key.onDelete(column.onDeleteAction());
                }
                if (column.onUpdateAction() != null) {
                    key = key.onUpdate(column.onUpdateAction());
                }
                foreignKeys.add(key);
            }
            if (column.type() instanceof BuiltInType<?> builtIn && builtIn.kind() == BuiltInType.Kind.ENUM) {
                checks.add(CheckConstraint.forEnum(column.name()));
            }
        }
        for (TableElement element : elements) {
            if (element instanceof PrimaryKeyConstraint key) {
                if (declaredKey != null) {
                    throw new ArgumentException("Table '" + name + "' declares two PrimaryKeyConstraints; a table "
                            + "has one primary key. List all its columns in one PrimaryKeyConstraint.of(...).");
                }
                declaredKey = key;
            } else if (element instanceof UniqueConstraint unique) {
                uniques.add(unique);
            } else if (element instanceof CheckConstraint check) {
                checks.add(check);
            } else if (element instanceof ForeignKeyConstraint key) {
                foreignKeys.add(key);
            } else if (element instanceof Index index) {
                declaredIndexes.add(index);
            } else if (element instanceof TableComment text) {
                tableComment = text.text();
            }
        }
        List<String> keyColumns = columns.stream().filter(Column::isPrimaryKey).map(Column::name).toList();
        if (declaredKey != null && !keyColumns.isEmpty()) {
            throw new ArgumentException("Table '" + name + "' declares its primary key twice: with primaryKey() on "
                    + keyColumns + " and with a PrimaryKeyConstraint on " + declaredKey.columnNames()
                    + ". Use one of them.");
        }
        if (declaredKey == null && !keyColumns.isEmpty()) {
            declaredKey = PrimaryKeyConstraint.of(keyColumns.toArray(String[]::new));
        }

        this.primaryKey = declaredKey == null ? null : attach(convention, declaredKey, 1);
        this.uniqueConstraints = attachAll(convention, uniques);
        this.checkConstraints = attachAll(convention, checks);
        this.foreignKeyConstraints = attachAll(convention, foreignKeys);
        List<Index> attachedIndexes = new ArrayList<>(declaredIndexes.size());
        for (Index index : declaredIndexes) {
            requireColumns("index", index.columnNames());
            attachedIndexes.add(index.attach(this, convention.name("ix", name, index.columnNames(), null, null,
                    index.explicitName(), String.valueOf(attachedIndexes.size() + 1))));
        }
        this.indexes = Collections.unmodifiableList(attachedIndexes);
        this.comment = tableComment;
        validateKeys(columns);
    }

    private static List<Column<?>> columnsOf(String tableName, List<TableElement> elements) {
        List<Column<?>> columns = new ArrayList<>();
        for (TableElement element : elements) {
            Objects.requireNonNull(element, () -> "an element of table '" + tableName + "' is null");
            if (element instanceof Column<?> column) {
                if (column.table() != null) {
                    throw new ArgumentException("Column '" + column.name() + "' given to table '" + tableName
                            + "' already belongs to table '" + column.table().name() + "'. A column belongs to one "
                            + "table; declare a new Column.of(...) for this one.");
                }
                columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            throw new ArgumentException("Table '" + tableName + "' has no columns; declare at least one "
                    + "Column.of(...).");
        }
        return columns;
    }

    private <C extends Constraint> List<C> attachAll(NamingConvention convention, List<C> constraints) {
        List<C> attached = new ArrayList<>(constraints.size());
        for (C constraint : constraints) {
            attached.add(attach(convention, constraint, attached.size() + 1));
        }
        return Collections.unmodifiableList(attached);
    }

    @SuppressWarnings("unchecked")
    private <C extends Constraint> C attach(NamingConvention convention, C constraint, int position) {
        requireColumns(constraint.getClass().getSimpleName(), constraint.columnNames());
        String referredTable = null;
        String referredColumn = null;
        if (constraint instanceof ForeignKeyConstraint key) {
            String target = key.referredTableName();
            referredTable = target.substring(target.lastIndexOf('.') + 1);
            referredColumn = key.referredColumnNames().get(0);
        }
        String fallback = constraint instanceof CheckConstraint && !constraint.columnNames().isEmpty()
                ? constraint.columnNames().get(0) : String.valueOf(position);
        String finalName = convention.name(constraint.conventionKey(), name(), constraint.columnNames(),
                referredTable, referredColumn, constraint.explicitName(), fallback);
        return (C) constraint.attach(this, finalName);
    }

    private void requireColumns(String what, List<String> names) {
        for (String columnName : names) {
            if (!hasColumn(columnName)) {
                throw new ArgumentException("A " + what + " of table '" + name() + "' names the column '"
                        + columnName + "', which the table does not have; its columns are " + columnNames() + ".");
            }
        }
    }

    private void validateKeys(List<Column<?>> columns) {
        List<Column<?>> generated = columns.stream().filter(Column::isAutoincrement).toList();
        if (generated.size() > 1) {
            throw new ArgumentException("Table '" + name() + "' has several autoincrement columns "
                    + generated.stream().map(Column::name).toList() + "; a table can have only one.");
        }
        if (generated.size() == 1) {
            Column<?> column = generated.get(0);
            if (primaryKey == null || !primaryKey.columnNames().equals(List.of(column.name()))) {
                throw new ArgumentException("The autoincrement column '" + name() + "." + column.name() + "' must be "
                        + "the table's whole primary key (SQLite and MariaDB generate values only there). Add "
                        + ".primaryKey() to it, or drop autoincrement() and use a sequence or a client default.");
            }
        }
        if (primaryKey != null) {
            for (String keyColumn : primaryKey.columnNames()) {
                Column<?> column = column(keyColumn);
                if (column.isPrimaryKey() && column.isNullable()) {
                    throw new ArgumentException("Primary key column '" + name() + "." + keyColumn + "' is declared "
                            + "nullable(true); primary key columns are NOT NULL. Remove nullable(true).");
                }
            }
        }
    }

    /** The metadata this table belongs to. */
    public MetaData metadata() {
        return metadata;
    }

    /** The column with this name; an unknown name raises an {@link ArgumentException} listing the columns. */
    @Override
    public Column<?> column(String columnName) {
        return (Column<?>) super.column(columnName);
    }

    /**
     * The column with this name, checked to hold {@code javaType} values: {@code users.column("name", String.class)}.
     * A type mismatch raises an {@link ArgumentException} naming the column's actual Java type.
     */
    @Override
    public <T> Column<T> column(String columnName, Class<T> javaType) {
        return (Column<T>) super.column(columnName, javaType);
    }

    /** The columns as schema columns, in declaration order. */
    public List<Column<?>> schemaColumns() {
        List<Column<?>> result = new ArrayList<>();
        for (ColumnClause<?> column : columns()) {
            result.add((Column<?>) column);
        }
        return Collections.unmodifiableList(result);
    }

    /** The column names, in declaration order. */
    public List<String> columnNames() {
        return columns().stream().map(ColumnClause::name).toList();
    }

    /** The primary key, if the table has one. */
    public Optional<PrimaryKeyConstraint> primaryKey() {
        return Optional.ofNullable(primaryKey);
    }

    /** The UNIQUE constraints, column-level ones first. */
    public List<UniqueConstraint> uniqueConstraints() {
        return uniqueConstraints;
    }

    /** The CHECK constraints, including the generated checks of enum columns. */
    public List<CheckConstraint> checkConstraints() {
        return checkConstraints;
    }

    /** The FOREIGN KEY constraints, column-level ones first. */
    public List<ForeignKeyConstraint> foreignKeyConstraints() {
        return foreignKeyConstraints;
    }

    /** The indexes (not counting those the database creates for keys). */
    public List<Index> indexes() {
        return indexes;
    }

    /** The table's comment. */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** The autoincrement column, if any. */
    public Optional<Column<?>> autoincrementColumn() {
        return schemaColumns().stream().filter(Column::isAutoincrement).findFirst();
    }

    /** The tables this table's foreign keys refer to (itself included for a self-reference). */
    public List<Table> referredTables() {
        return foreignKeyConstraints.stream().map(ForeignKeyConstraint::referredTable).distinct().toList();
    }

    /** The foreign keys as the expression language uses them to infer join conditions. */
    @Override
    public List<ForeignKeyReference> foreignKeys() {
        List<ForeignKeyReference> references = new ArrayList<>(foreignKeyConstraints.size());
        for (ForeignKeyConstraint key : foreignKeyConstraints) {
            references.add(new ForeignKeyReference(new ArrayList<ColumnClause<?>>(key.columns()),
                    key.referredTable(), new ArrayList<ColumnClause<?>>(key.referredColumns())));
        }
        return references;
    }
}
