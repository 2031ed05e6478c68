package io.mapper.migration;

import java.util.Optional;
import java.util.Set;

import io.mapper.schema.CheckConstraint;
import io.mapper.schema.Column;
import io.mapper.schema.Constraint;
import io.mapper.schema.ForeignKeyConstraint;
import io.mapper.schema.Index;
import io.mapper.schema.Sequence;
import io.mapper.schema.Table;
import io.mapper.schema.UniqueConstraint;

/**
 * One difference between the models and a live database, as the change that removes it. Model objects (what to
 * create) come from the compared {@code MetaData}; live objects (what to drop or change) from a {@code MetaData}
 * reflected from the database. {@link #dataLoss()} says what a destructive operation would destroy.
 */
public sealed interface MigrationOperation {

    /** The table the operation changes (for a sequence's operations: the sequence). */
    String tableName();

    /** One line for people: what differs and what the operation does. */
    String describe();

    /** What data the operation would destroy, for operations that destroy data; empty for the others. */
    default Optional<String> dataLoss() {
        return Optional.empty();
    }

    /**
     * A model table the database does not have. {@code deferredForeignKeys} close a foreign-key cycle among new
     * tables: they are left out of CREATE TABLE and added afterwards (as {@link AddConstraint}s of the same diff).
     */
    record CreateTable(Table table, Set<ForeignKeyConstraint> deferredForeignKeys) implements MigrationOperation {
        public CreateTable {
            deferredForeignKeys = Set.copyOf(deferredForeignKeys);
        }

        /** A new table with all its foreign keys inline. */
        public CreateTable(Table table) {
            this(table, Set.of());
        }

        @Override
        public String tableName() {
            return table.name();
        }

        @Override
        public String describe() {
            return "add table " + table;
        }
    }

    /** A table of the database that no model describes. */
    record DropTable(Table table) implements MigrationOperation {
        @Override
        public String tableName() {
            return table.name();
        }

        @Override
        public String describe() {
            return "remove table " + table;
        }

        @Override
        public Optional<String> dataLoss() {
            return Optional.of("drops table " + table.name() + " and every row in it");
        }
    }

    /** A model column the table does not have; {@code column}'s owner is the model table. */
    record AddColumn(Column<?> column) implements MigrationOperation {
        @Override
        public String tableName() {
            return tableOf(column);
        }

        @Override
        public String describe() {
            return "add column " + tableName() + "." + column.name();
        }
    }

    /** A column of the database that the model does not have; {@code column}'s owner is the live table. */
    record DropColumn(Column<?> column) implements MigrationOperation {
        @Override
        public String tableName() {
            return tableOf(column);
        }

        @Override
        public String describe() {
            return "remove column " + tableName() + "." + column.name();
        }

        @Override
        public Optional<String> dataLoss() {
            return Optional.of("drops column " + tableName() + "." + column.name() + " and every value in it");
        }
    }

    /**
     * A column whose type differs, from the live column's to the model column's, both as the database declares them.
     * {@code narrowing} when values of the old type may not fit the new one (a shorter VARCHAR, a smaller NUMERIC,
     * another kind of type that is not a plain widening).
     */
    record AlterColumnType(Column<?> from, Column<?> to, String fromSql, String toSql, boolean narrowing)
            implements MigrationOperation {
        @Override
        public String tableName() {
            return tableOf(to);
        }

        @Override
        public String describe() {
            return "change type of " + tableName() + "." + to.name() + " from " + fromSql + " to " + toSql;
        }

        @Override
        public Optional<String> dataLoss() {
            return narrowing ? Optional.of("changes " + tableName() + "." + to.name() + " from " + fromSql + " to "
                    + toSql + ": values that do not fit the new type are truncated or make the statement fail")
                    : Optional.empty();
        }
    }

    /** A column that is nullable in one and NOT NULL in the other; {@code to} is the model column. */
    record AlterColumnNullability(Column<?> from, Column<?> to) implements MigrationOperation {
        @Override
        public String tableName() {
            return tableOf(to);
        }

        @Override
        public String describe() {
            return "make " + tableName() + "." + to.name() + (to.isNullable() ? " nullable" : " NOT NULL");
        }
    }

    /** A column whose server default differs (compared only when asked); {@code to} is the model column. */
    record AlterColumnDefault(Column<?> from, Column<?> to) implements MigrationOperation {
        @Override
        public String tableName() {
            return tableOf(to);
        }

        @Override
        public String describe() {
            return "change server default of " + tableName() + "." + to.name() + " from "
                    + from.serverDefault().orElse("none") + " to " + to.serverDefault().orElse("none");
        }
    }

    /** A model index the table does not have. */
    record CreateIndex(Index index) implements MigrationOperation {
        @Override
        public String tableName() {
            return index.table().name();
        }

        @Override
        public String describe() {
            return "add index " + index.name() + " on " + tableName() + index.columnNames();
        }
    }

    /** An index of the database that the model does not have. */
    record DropIndex(Index index) implements MigrationOperation {
        @Override
        public String tableName() {
            return index.table().name();
        }

        @Override
        public String describe() {
            return "remove index " + index.name() + " on " + tableName() + index.columnNames();
        }
    }

    /** A model unique, check or foreign-key constraint the table does not have. */
    record AddConstraint(Constraint constraint) implements MigrationOperation {
        @Override
        public String tableName() {
            return constraint.table().name();
        }

        @Override
        public String describe() {
            return "add " + kind(constraint) + " " + constraint.name() + " on " + tableName()
                    + constraint.columnNames();
        }
    }

    /** A unique, check or foreign-key constraint of the database that the model does not have. */
    record DropConstraint(Constraint constraint) implements MigrationOperation {
        @Override
        public String tableName() {
            return constraint.table().name();
        }

        @Override
        public String describe() {
            return "remove " + kind(constraint) + " " + constraint.name() + " on " + tableName()
                    + constraint.columnNames();
        }
    }

    /** A column whose comment differs (where the database keeps comments); {@code to} is the model column. */
    record AlterColumnComment(Column<?> from, Column<?> to) implements MigrationOperation {
        @Override
        public String tableName() {
            return tableOf(to);
        }

        @Override
        public String describe() {
            return "change comment of " + tableName() + "." + to.name() + " from "
                    + from.comment().map(comment -> "'" + comment + "'").orElse("none") + " to "
                    + to.comment().map(comment -> "'" + comment + "'").orElse("none");
        }
    }

    /** A table whose comment differs (where the database keeps comments); {@code to} is the model table. */
    record AlterTableComment(Table from, Table to) implements MigrationOperation {
        @Override
        public String tableName() {
            return to.name();
        }

        @Override
        public String describe() {
            return "change comment of table " + to.name() + " from "
                    + from.comment().map(comment -> "'" + comment + "'").orElse("none") + " to "
                    + to.comment().map(comment -> "'" + comment + "'").orElse("none");
        }
    }

    /** A model sequence the database does not have; created before the tables whose defaults use it. */
    record CreateSequence(Sequence sequence) implements MigrationOperation {
        @Override
        public String tableName() {
            return sequence.name();
        }

        @Override
        public String describe() {
            return "add sequence " + sequence.name() + " (start " + sequence.start() + ", increment "
                    + sequence.increment() + ")";
        }
    }

    /** A sequence whose start or increment differs; {@code to} is the model's. */
    record AlterSequence(Sequence from, Sequence to) implements MigrationOperation {
        @Override
        public String tableName() {
            return to.name();
        }

        @Override
        public String describe() {
            return "change sequence " + to.name() + " from start " + from.start() + ", increment " + from.increment()
                    + " to start " + to.start() + ", increment " + to.increment();
        }
    }

    /** A sequence of the database that no model uses; dropped after the tables. */
    record DropSequence(Sequence sequence) implements MigrationOperation {
        @Override
        public String tableName() {
            return sequence.name();
        }

        @Override
        public String describe() {
            return "remove sequence " + sequence.name();
        }

        @Override
        public Optional<String> dataLoss() {
            return Optional.of("drops sequence " + sequence.name() + " and its current value");
        }
    }

    private static String kind(Constraint constraint) {
        if (constraint instanceof ForeignKeyConstraint key) {
            return "foreign key (-> " + key.referredTableName() + key.referredColumnNames() + ")";
        }
        if (constraint instanceof CheckConstraint) {
            return "check constraint";
        }
        if (constraint instanceof UniqueConstraint) {
            return "unique constraint";
        }
        return "primary key";
    }

    private static String tableOf(Column<?> column) {
        Table owner = column.owner();
        if (owner == null) {
            throw new IllegalStateException("Column '" + column.name() + "' belongs to no table");
        }
        return owner.name();
    }
}
