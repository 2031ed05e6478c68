package io.mapper.engine;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mapper.dialect.Dialect;
import io.mapper.exception.ArgumentException;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Expression;
import io.mapper.sql.Label;

/** The column labels of a result, read once per result and shared by all of its rows. */
final class RowShape {

    private final List<String> labels;
    private final Map<String, Integer> indexByLabel;
    private final List<? extends Expression<?>> expressions;

    RowShape(List<String> labels) {
        this(labels, List.of());
    }

    RowShape(List<String> labels, List<? extends Expression<?>> expressions) {
        this.labels = List.copyOf(labels);
        this.expressions = expressions.size() == labels.size() ? List.copyOf(expressions) : List.of();
        Map<String, Integer> index = new HashMap<>(labels.size() * 2);
        for (int i = labels.size() - 1; i >= 0; i--) {
            // Earlier columns win for duplicate labels; lookups ignore case, as the databases disagree on it.
            index.put(labels.get(i), i);
            index.put(labels.get(i).toLowerCase(Locale.ROOT), i);
        }
        this.indexByLabel = index;
    }

    static RowShape of(ResultSetMetaData metaData, Dialect dialect) throws SQLException {
        int count = metaData.getColumnCount();
        String[] labels = new String[count];
        for (int i = 0; i < count; i++) {
            labels[i] = dialect.normalizeLabel(metaData.getColumnLabel(i + 1));
        }
        return new RowShape(List.of(labels));
    }

    /** The shape of a result whose columns are the given expressions (a Core SELECT or RETURNING). */
    static RowShape of(ResultSetMetaData metaData, Dialect dialect, List<? extends Expression<?>> expressions)
            throws SQLException {
        return new RowShape(of(metaData, dialect).labels, expressions);
    }

    /** The position of a selected expression: found among the statement's columns, else by its name. */
    int indexOf(Expression<?> expression) {
        for (int i = 0; i < expressions.size(); i++) {
            if (expressions.get(i).equals(expression)) {
                return i;
            }
        }
        if (expression instanceof ColumnClause<?> column) {
            return indexOf(column.name());
        }
        if (expression instanceof Label<?> label) {
            return indexOf(label.name());
        }
        throw new ArgumentException("The result has no column for the expression " + expression + "; its columns are "
                + labels + ". Select it, or label it and read it by its label.");
    }

    List<String> labels() {
        return labels;
    }

    int size() {
        return labels.size();
    }

    int indexOf(String label) {
        Integer index = indexByLabel.get(label);
        if (index == null) {
            index = indexByLabel.get(label.toLowerCase(Locale.ROOT));
        }
        if (index == null) {
            throw new ArgumentException("The result has no column '" + label + "'; its columns are " + labels
                    + ". Check the name, or label the expression in the SELECT.");
        }
        return index;
    }

    boolean contains(String label) {
        return indexByLabel.containsKey(label) || indexByLabel.containsKey(label.toLowerCase(Locale.ROOT));
    }
}
