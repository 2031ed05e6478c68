package io.mapper.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;


/**
 * A DELETE with WHERE and RETURNING. Generative and immutable. A WHERE clause may name other tables: the rows of the
 * target are deleted where some row of the others meets it ({@code DELETE ... USING} on PostgreSQL, the multi-table
 * form on MariaDB, {@code WHERE EXISTS (SELECT 1 FROM others WHERE ...)} on H2 and SQLite).
 *
 * <pre>{@code
 * // DELETE FROM orders WHERE orders.status = ? RETURNING orders.id
 * delete(orders).where(status.eq("cancelled")).returning(orders.column("id"));
 * }</pre>
 */
public final class Delete extends CacheableStatement {

    private final TableClause table;
    private final List<Condition> where;
    private final List<Expression<?>> returning;
    private int hash;    // memoised: statements are immutable, and the compiled cache hashes them per execution

    private Delete(TableClause table, List<Condition> where, List<Expression<?>> returning) {
        this.table = table;
        this.where = List.copyOf(where);
        this.returning = List.copyOf(returning);
    }

    static Delete from(TableClause table) {
        return new Delete(Objects.requireNonNull(table, "table must not be null"), List.of(), List.of());
    }

    /** Adds WHERE conditions, joined with AND. */
    public Delete where(Condition... conditions) {
        return new Delete(table, DmlSupport.append(where, List.of(conditions)), returning);
    }

    /** Adds RETURNING columns; refused when compiled for a database that cannot return them. */
    public Delete returning(Object... columns) {
        return new Delete(table, where, DmlSupport.append(returning, DmlSupport.returning(columns)));
    }

    /** The target table. */
    public TableClause table() {
        return table;
    }

    @Override
    public String collectionName() {
        return DmlSupport.collectionName(table);
    }

    /** The WHERE conditions. */
    public List<Condition> whereConditions() {
        return where;
    }

    /** The RETURNING expressions. */
    public List<Expression<?>> returning() {
        return returning;
    }

    /** The tables other than the target that the WHERE clause refers to (outside subqueries), in order of mention. */
    public List<TableClause> extraFroms() {
        Set<TableClause> found = new HashSet<>();
        found.add(table);
        List<TableClause> ordered = new ArrayList<>();
        for (Condition condition : where) {
            Select.collectTables(condition, found, ordered);
        }
        return ordered;
    }

    @Override
    public Operation operation() {
        return Operation.DELETE;
    }

    @Override
    public List<Expression<?>> resultColumns() {
        return returning;
    }

    @Override
    public List<? extends ClauseElement> children() {
        List<ClauseElement> children = new ArrayList<>(where);
        children.addAll(returning);
        return children;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitDelete(this);
    }

    private List<Object> structure() {
        return Arrays.asList(table, where, returning);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Delete that && structure().equals(that.structure());
    }

    @Override
    public int hashCode() {
        int known = hash;
        if (known == 0) {
            known = structure().hashCode();
            hash = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
