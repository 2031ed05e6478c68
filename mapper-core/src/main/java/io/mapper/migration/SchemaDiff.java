package io.mapper.migration;

import java.util.List;

/**
 * The differences between the models and a live database, as the operations that remove them, in an order that
 * applies cleanly: constraints and indexes that go away first, then new tables (each after the tables it refers to),
 * new and changed columns, new constraints and indexes, new foreign keys, and last the dropped columns and tables
 * (children before parents).
 *
 * @param operations the operations, in that order
 */
public record SchemaDiff(List<MigrationOperation> operations) {

    public SchemaDiff {
        operations = List.copyOf(operations);
    }

    /** Whether the models and the database agree. */
    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** One line per difference, for messages and reports. */
    public List<String> describe() {
        return operations.stream().map(operation -> operation.describe()
                + operation.dataLoss().map(loss -> " (destructive: " + loss + ")").orElse("")).toList();
    }

    @Override
    public String toString() {
        return isEmpty() ? "no differences" : String.join("\n", describe());
    }
}
