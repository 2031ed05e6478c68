package io.mapper.engine;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mapper.dialect.Dialect;
import io.mapper.exception.ArgumentException;

/** The column labels of a result, read once per result and shared by all of its rows. */
final class RowShape {

    private final List<String> labels;
    private final Map<String, Integer> indexByLabel;

    RowShape(List<String> labels) {
        this.labels = List.copyOf(labels);
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
