package io.mapper.sql;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A common table expression: {@code WITH name (columns) AS (SELECT ...)}, used like a table. A recursive one starts
 * from its anchor ({@link SelectBase#cteRecursive(String)}) and adds the part that refers to itself:
 *
 * <pre>{@code
 * // WITH RECURSIVE tree(id, parent_id) AS (SELECT ... UNION ALL SELECT ... JOIN tree ON ...) SELECT ... FROM tree
 * Cte tree = select(category.column("id"), category.column("parent_id")).where(...).cteRecursive("tree");
 * tree = tree.unionAll(select(c.column("id"), c.column("parent_id")).from(c).join(tree, c.column("parent_id").eq(tree.column("id"))));
 * }</pre>
 * Statements render every CTE they refer to in one WITH clause at the top.
 */
public final class Cte extends TableClause {

    private final SelectBase body;
    private final boolean recursive;
    private final @Nullable Cte restated;

    Cte(String name, SelectBase body, boolean recursive, @Nullable Cte restated) {
        super(name, null, Subquery.columnsOf(body, name));
        this.body = body;
        this.recursive = recursive;
        this.restated = restated;
    }

    /** The statement that defines the CTE. */
    public SelectBase body() {
        return body;
    }

    /** Whether the CTE refers to itself ({@code WITH RECURSIVE}). */
    public boolean recursive() {
        return recursive;
    }

    /** The same CTE with {@code body UNION ALL part}; {@code part} may refer to this CTE. */
    public Cte unionAll(SelectBase part) {
        return new Cte(name(), body.unionAll(part), recursive, this);
    }

    /** The same CTE with {@code body UNION part}; {@code part} may refer to this CTE. */
    public Cte union(SelectBase part) {
        return new Cte(name(), body.union(part), recursive, this);
    }

    /** Whether this CTE is a later form of {@code other} (a recursive CTE's full form restates its anchor). */
    boolean restates(Cte other) {
        for (Cte earlier = restated; earlier != null; earlier = earlier.restated) {
            if (earlier == other) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitCte(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(body);
    }
}
