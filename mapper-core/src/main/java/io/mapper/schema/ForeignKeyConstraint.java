package io.mapper.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.schema.reflection.ReferentialAction;

/**
 * A FOREIGN KEY constraint, possibly over several columns:
 *
 * <pre>{@code
 * ForeignKeyConstraint.of(List.of("order_id", "line_no"), "order_line", List.of("order_id", "line_no"))
 *         .onDelete(ReferentialAction.CASCADE)
 * }</pre>
 *
 * <p>A single-column key is shorter as {@code Column.of(...).references("table.column")}. The referred table may
 * be defined later in the same {@link MetaData}; it is looked up when the key is used, and {@code createAll} checks
 * every key first.
 */
public final class ForeignKeyConstraint extends Constraint {

    private final String referredTableName;
    private final List<String> referredColumnNames;
    private final @Nullable ReferentialAction onDelete;
    private final @Nullable ReferentialAction onUpdate;

    private ForeignKeyConstraint(List<String> columns, String referredTableName, List<String> referredColumnNames,
            @Nullable ReferentialAction onDelete, @Nullable ReferentialAction onUpdate, @Nullable String name,
            @Nullable Table table) {
        super(columns, name, table);
        this.referredTableName = referredTableName;
        this.referredColumnNames = List.copyOf(referredColumnNames);
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
    }

    /** A key from {@code columns} of this table to {@code referredColumns} of {@code referredTable}. */
    public static ForeignKeyConstraint of(List<String> columns, String referredTable, List<String> referredColumns) {
        Objects.requireNonNull(referredTable, "referredTable must not be null");
        List<String> local = requireColumns("foreign key", columns.toArray(String[]::new));
        List<String> remote = requireColumns("foreign key", referredColumns.toArray(String[]::new));
        if (local.size() != remote.size()) {
            throw new ArgumentException("A foreign key from " + local + " to " + referredTable + remote + " must "
                    + "name as many referred columns as referring ones.");
        }
        return new ForeignKeyConstraint(local, referredTable, remote, null, null, null, null);
    }

    /** A single-column key to {@code "table.column"}. */
    public static ForeignKeyConstraint of(String column, String target) {
        int dot = target.lastIndexOf('.');
        if (dot <= 0 || dot == target.length() - 1) {
            throw new ArgumentException("The foreign key of column '" + column + "' refers to '" + target
                    + "', which is not of the form \"table.column\".");
        }
        return of(List.of(column), target.substring(0, dot), List.of(target.substring(dot + 1)));
    }

    /** The same key with this ON DELETE action. */
    public ForeignKeyConstraint onDelete(ReferentialAction action) {
        return new ForeignKeyConstraint(columnNames(), referredTableName, referredColumnNames,
                Objects.requireNonNull(action), onUpdate, explicitName(), null);
    }

    /** The same key with this ON UPDATE action. */
    public ForeignKeyConstraint onUpdate(ReferentialAction action) {
        return new ForeignKeyConstraint(columnNames(), referredTableName, referredColumnNames, onDelete,
                Objects.requireNonNull(action), explicitName(), null);
    }

    /** The same key with an explicit name. */
    public ForeignKeyConstraint named(String name) {
        return new ForeignKeyConstraint(columnNames(), referredTableName, referredColumnNames, onDelete, onUpdate,
                NamingConvention.requireName(name), null);
    }

    /** The referred table's name as declared ({@code "schema.table"} or {@code "table"}). */
    public String referredTableName() {
        return referredTableName;
    }

    /** The referred columns' names, in key order. */
    public List<String> referredColumnNames() {
        return referredColumnNames;
    }

    /** The ON DELETE action, if declared. */
    public Optional<ReferentialAction> onDelete() {
        return Optional.ofNullable(onDelete);
    }

    /** The ON UPDATE action, if declared. */
    public Optional<ReferentialAction> onUpdate() {
        return Optional.ofNullable(onUpdate);
    }

    /**
     * The referred table, looked up in the owning table's metadata. A missing table or column raises an
     * {@link ArgumentException} that names the key and lists what exists.
     */
    public Table referredTable() {
        Table owner = table();
        Table referred = owner.metadata().findTable(referredTableName).orElseThrow(() -> new ArgumentException(
                "The foreign key " + describe() + " refers to the table '" + referredTableName + "', which is not "
                        + "in this MetaData; its tables are " + owner.metadata().tableNames() + ". Define '"
                        + referredTableName + "' in the same MetaData (in any order), or fix the name."));
        for (String column : referredColumnNames) {
            if (!referred.hasColumn(column)) {
                throw new ArgumentException("The foreign key " + describe() + " refers to the column '" + column
                        + "' of table '" + referred.name() + "', which has no such column; its columns are "
                        + referred.columnNames() + ".");
            }
        }
        return referred;
    }

    /** The referred columns, in key order. */
    public List<Column<?>> referredColumns() {
        Table referred = referredTable();
        List<Column<?>> columns = new ArrayList<>(referredColumnNames.size());
        for (String column : referredColumnNames) {
            columns.add(referred.column(column));
        }
        return columns;
    }

    private String describe() {
        return (hasName() ? "'" + name() + "' " : "") + "of table '" + table().name() + "' " + columnNames();
    }

    @Override
    String conventionKey() {
        return "fk";
    }

    @Override
    ForeignKeyConstraint attach(Table owner, @Nullable String finalName) {
        return new ForeignKeyConstraint(columnNames(), referredTableName, referredColumnNames, onDelete, onUpdate,
                finalName, owner);
    }
}
