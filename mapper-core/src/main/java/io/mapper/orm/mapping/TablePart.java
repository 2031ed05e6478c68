package io.mapper.orm.mapping;

import java.util.List;

import io.mapper.schema.Table;

/**
 * One table an entity's rows are written to, with the properties it holds: the whole entity for most, the base
 * class's table and then one per subclass level for a joined-table subclass (whose primary key repeats the base
 * row's, in the key's slots). Immutable.
 *
 * @param table the table
 * @param properties the properties whose columns are in this table, the primary key first
 * @param primaryKey this table's primary-key properties
 */
public record TablePart(Table table, List<PropertyMapping> properties, List<PropertyMapping> primaryKey) {

    public TablePart {
        properties = List.copyOf(properties);
        primaryKey = List.copyOf(primaryKey);
    }

    /** Whether the table holds the property in {@code slot} (a joined subclass's key copy counts). */
    public boolean holds(int slot) {
        for (PropertyMapping property : properties) {
            if (property.slot() == slot) {
                return true;
            }
        }
        return false;
    }
}
