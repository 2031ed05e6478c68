package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;

import io.mapper.exception.ArgumentException;

/**
 * A SELECT used as a table in FROM: {@code (SELECT ...) AS name}. Its columns are named after the selected
 * columns and labels, and keep their types: {@code sub.column("total")}.
 */
public final class Subquery extends TableClause {

    private final SelectBase select;

    Subquery(String name, SelectBase select) {
        super(name, null, columnsOf(select, name));
        this.select = select;
    }

    static List<ColumnClause<?>> columnsOf(SelectBase select, String name) {
        List<ColumnClause<?>> columns = new ArrayList<>();
        for (Expression<?> expression : select.selectedColumns()) {
            String columnName;
            if (expression instanceof ColumnClause<?> column) {
                columnName = column.name();
            } else if (expression instanceof Label<?> label) {
                columnName = label.name();
            } else {
                throw new ArgumentException("The subquery '" + name + "' selects an unnamed expression ("
                        + expression.type().name() + "); give it a name with label(\"...\").");
            }
            columns.add(ColumnClause.of(columnName, expression.type()));
        }
        return columns;
    }

    /** The statement inside the parentheses. */
    public SelectBase select() {
        return select;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitSubquery(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(select);
    }
}
