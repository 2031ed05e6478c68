package io.mapper.orm.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.state.InstanceState;
import io.mapper.orm.state.PropertyAccessor;
import io.mapper.schema.Column;
import io.mapper.schema.Table;
import io.mapper.types.Conversions;
import io.mapper.types.ConvertedType;

/**
 * One {@code @ElementCollection} of a mapped class: a {@code Set} or {@code List} of simple values or of
 * {@code @Embeddable} values, one row per element in a table of its own (the collection table), keyed by the owner's
 * key in the join column; an ordered list also has an order column. Converts between elements and rows (the value
 * columns, in table order) and compares rows by value. Built by the {@link MapperRegistry}; immutable once built.
 */
public final class ElementCollectionMapping {

    /** How the collection's rows are identified. */
    public enum Kind {
        /** A {@code Set}: rows keyed by the owner and the values, written by value. */
        SET,
        /** A {@code List} without an order column (a bag): no key, loaded in value order, rewritten when changed. */
        BAG,
        /** A {@code List} with an {@code @OrderColumn}: rows keyed by the owner and the position. */
        ORDERED_LIST
    }

    /** A value column as declared, before the table exists. */
    record ValueColumn(Column<?> column, Class<?> javaType) {
    }

    private final Class<?> ownerType;
    private final String name;
    private final PropertyAccessor accessor;
    private final Kind kind;
    private final Class<?> elementType;
    private final FetchStrategy fetch;
    private final @Nullable EmbeddedMapping embedded;
    private final String tableName;
    private final String joinColumnName;
    private final @Nullable String orderColumnName;
    private final List<ValueColumn> declaredColumns;
    private final java.lang.reflect.Field field;
    private @Nullable Mapper<?> owner;
    private @Nullable Table table;
    private @Nullable Column<?> joinColumn;
    private @Nullable Column<?> orderColumn;
    private List<Column<?>> valueColumns = List.of();

    ElementCollectionMapping(Class<?> ownerType, java.lang.reflect.Field field, Kind kind, Class<?> elementType,
            FetchStrategy fetch, @Nullable EmbeddedMapping embedded, String tableName, String joinColumnName,
            @Nullable String orderColumnName, List<ValueColumn> declaredColumns) {
        this.ownerType = ownerType;
        this.field = field;
        this.name = field.getName();
        this.accessor = PropertyAccessor.of(field);
        this.kind = kind;
        this.elementType = elementType;
        this.fetch = fetch;
        this.embedded = embedded;
        this.tableName = tableName;
        this.joinColumnName = joinColumnName;
        this.orderColumnName = orderColumnName;
        this.declaredColumns = List.copyOf(declaredColumns);
    }

    /** The class whose mapper holds this collection. */
    public Class<?> ownerType() {
        return ownerType;
    }

    /** The property name. */
    public String name() {
        return name;
    }

    /** Reads and writes the property. */
    public PropertyAccessor accessor() {
        return accessor;
    }

    /** How rows are identified: set, bag or ordered list. */
    public Kind kind() {
        return kind;
    }

    /** Whether the property is a {@code Set} (else a {@code List}). */
    public boolean isSet() {
        return kind == Kind.SET;
    }

    /** The element class: a simple type or an {@code @Embeddable}. */
    public Class<?> elementType() {
        return elementType;
    }

    /** Whether elements are {@code @Embeddable} values over several columns. */
    public boolean isEmbeddable() {
        return embedded != null;
    }

    /** The mapping's loading strategy (never {@code DEFAULT}). */
    public FetchStrategy fetch() {
        return fetch;
    }

    /** The owner's mapper. */
    public Mapper<?> owner() {
        return Objects.requireNonNull(owner, "element collection not resolved");
    }

    /** The collection table. */
    public Table table() {
        return Objects.requireNonNull(table, "element collection not resolved");
    }

    /** The collection table's column referring to the owner's key. */
    public Column<?> joinColumn() {
        return Objects.requireNonNull(joinColumn, "element collection not resolved");
    }

    /** The order column of an ordered list, else null. */
    public @Nullable Column<?> orderColumn() {
        return orderColumn;
    }

    /** The columns holding an element's value (one for a simple type, one per component of an embeddable). */
    public List<Column<?>> valueColumns() {
        return valueColumns;
    }

    String tableName() {
        return tableName;
    }

    String joinColumnName() {
        return joinColumnName;
    }

    @Nullable String orderColumnName() {
        return orderColumnName;
    }

    List<ValueColumn> declaredColumns() {
        return declaredColumns;
    }

    java.lang.reflect.Field field() {
        return field;
    }

    void resolve(Mapper<?> ownerMapper, Table collectionTable) {
        this.owner = ownerMapper;
        this.table = collectionTable;
        this.joinColumn = collectionTable.column(joinColumnName);
        this.orderColumn = orderColumnName == null ? null : collectionTable.column(orderColumnName);
        List<Column<?>> values = new ArrayList<>(declaredColumns.size());
        for (ValueColumn declared : declaredColumns) {
            values.add(collectionTable.column(declared.column().name()));
        }
        this.valueColumns = List.copyOf(values);
    }

    /** The value-column values of an element, in {@link #valueColumns()} order. */
    public List<@Nullable Object> row(@Nullable Object element) {
        if (embedded == null) {
            List<@Nullable Object> row = new ArrayList<>(1);
            row.add(element);
            return row;
        }
        return java.util.Arrays.asList(embedded.decomposeValue(element));
    }

    /**
     * A copy of an element's row for a snapshot: mutable converted values (a JSON document) are copied, so a change
     * made in place to the element shows.
     */
    @SuppressWarnings("unchecked")
    public List<@Nullable Object> snapshotRow(@Nullable Object element) {
        List<@Nullable Object> row = new ArrayList<>(row(element));
        for (int i = 0; i < row.size(); i++) {
            if (row.get(i) != null && declaredColumns.get(i).column().type() instanceof ConvertedType<?, ?> type) {
                row.set(i, ((ConvertedType<Object, ?>) type).copyValue(row.get(i)));
            }
        }
        return row;
    }

    /** The element of a row's value-column values. */
    public @Nullable Object element(List<@Nullable Object> values) {
        if (embedded == null) {
            return Conversions.convert(values.get(0), elementType);
        }
        Object[] components = new Object[values.size()];
        for (int i = 0; i < components.length; i++) {
            components[i] = Conversions.convert(values.get(i), declaredColumns.get(i).javaType());
        }
        return embedded.composeValue(components);
    }

    /** Whether two rows hold the same values: converted values by what they store, decimals numerically. */
    @SuppressWarnings("unchecked")
    public boolean sameRow(List<?> left, List<?> right) {
        for (int i = 0; i < left.size(); i++) {
            Object a = left.get(i);
            Object b = right.get(i);
            boolean same = declaredColumns.get(i).column().type() instanceof ConvertedType<?, ?> type
                    ? ((ConvertedType<Object, ?>) type).compareValues(a, b) : InstanceState.sameValue(a, b);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return ownerType.getSimpleName() + "." + name;
    }
}
