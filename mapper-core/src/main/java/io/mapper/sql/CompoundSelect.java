package io.mapper.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.types.Types;

/**
 * {@code SELECT ... UNION [ALL] | INTERSECT | EXCEPT SELECT ...}, with an optional ORDER BY and LIMIT for the whole.
 * Immutable; equal structures are equal.
 */
public final class CompoundSelect extends CacheableStatement implements SelectBase {

    /** The set operators. */
    public enum Operator {
        UNION("UNION"), UNION_ALL("UNION ALL"), INTERSECT("INTERSECT"), EXCEPT("EXCEPT");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The operator as SQL. */
        public String sql() {
            return sql;
        }
    }

    private final Operator operator;
    private final List<SelectBase> selects;
    private final List<OrderByElement> orderBy;
    private final @Nullable BindParameter<Integer> limit;
    private final @Nullable BindParameter<Integer> offset;

    private CompoundSelect(Operator operator, List<SelectBase> selects, List<OrderByElement> orderBy,
            @Nullable BindParameter<Integer> limit, @Nullable BindParameter<Integer> offset) {
        this.operator = operator;
        this.selects = List.copyOf(selects);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
    }

    static CompoundSelect of(Operator operator, SelectBase first, SelectBase... others) {
        List<SelectBase> selects = new ArrayList<>();
        selects.add(first);
        for (SelectBase other : others) {
            Objects.requireNonNull(other, "a statement given to " + operator.sql() + " is null");
            if (other.selectedColumns().size() != first.selectedColumns().size()) {
                throw new ArgumentException("All statements of " + operator.sql() + " must select the same number of "
                        + "columns; the first selects " + first.selectedColumns().size() + ", another "
                        + other.selectedColumns().size() + ".");
            }
            selects.add(other);
        }
        return new CompoundSelect(operator, selects, List.of(), null, null);
    }

    /** The operator joining the statements. */
    public Operator operator() {
        return operator;
    }

    /** The joined statements, in order. */
    public List<SelectBase> selects() {
        return selects;
    }

    /** The ORDER BY items of the whole. */
    public List<OrderByElement> orderByElements() {
        return orderBy;
    }

    /** The LIMIT parameter, or null. */
    public @Nullable BindParameter<Integer> limitParameter() {
        return limit;
    }

    /** The OFFSET parameter, or null. */
    public @Nullable BindParameter<Integer> offsetParameter() {
        return offset;
    }

    /** Orders the combined rows; refer to columns of the first statement. */
    public CompoundSelect orderBy(ClauseElement... items) {
        List<OrderByElement> all = new ArrayList<>(orderBy);
        all.addAll(Select.orderElements(items));
        return new CompoundSelect(operator, selects, all, limit, offset);
    }

    /** Returns at most {@code limit} combined rows. */
    public CompoundSelect limit(int limit) {
        return new CompoundSelect(operator, selects, orderBy, new BindParameter<>("param", Types.INTEGER, limit, true),
                offset);
    }

    /** Skips the first {@code offset} combined rows. */
    public CompoundSelect offset(int offset) {
        return new CompoundSelect(operator, selects, orderBy, limit,
                new BindParameter<>("param", Types.INTEGER, offset, true));
    }

    @Override
    public List<Expression<?>> selectedColumns() {
        return selects.get(0).selectedColumns();
    }

    @Override
    public List<? extends ClauseElement> children() {
        List<ClauseElement> children = new ArrayList<>(selects);
        children.addAll(orderBy);
        if (limit != null) {
            children.add(limit);
        }
        if (offset != null) {
            children.add(offset);
        }
        return children;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitCompoundSelect(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompoundSelect that && structure().equals(that.structure());
    }

    private List<Object> structure() {
        return Arrays.asList(operator, selects, orderBy, limit, offset);
    }

    @Override
    public int hashCode() {
        return structure().hashCode();
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
