package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.schema.Table;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;
import io.mapper.sql.TableAlias;
import io.mapper.sql.TableClause;

/**
 * Fills a relationship from a join the query itself wrote (SQLAlchemy's {@code contains_eager}): the joined table's
 * columns are added to the SELECT and the related objects built from them, with no join and no statement of its
 * own. Works for references and collections (rows de-duplicated per parent); a collection holds only the elements
 * the query's join and WHERE let through.
 */
final class ContainsEagerLoader extends RowLoader {

    private final TableClause from;

    ContainsEagerLoader(RelationshipMapping relationship, @Nullable TableClause given, List<TableClause> joined,
            List<String> path) {
        super(relationship);
        this.from = resolve(relationship, given, joined, path);
    }

    @Override
    TableClause from() {
        return from;
    }

    @Override
    Select join(Select select, TableClause parentFrom) {
        return select;    // the query joined it already
    }

    /**
     * The table the query joined for the relationship's target, with the mapped columns: the one given, else the
     * query's only join of the target's table (by name, or through an alias of it).
     */
    private static TableClause resolve(RelationshipMapping relationship, @Nullable TableClause given,
            List<TableClause> joined, List<String> path) {
        Table table = relationship.target().table();
        if (given != null) {
            TableClause found = withColumns(table, given);
            if (found == null) {
                throw new ArgumentException("containsEager(\"" + String.join(".", path) + "\") was given "
                        + given.name() + ", which is not the table of " + relationship + " (" + table.name()
                        + ") nor an alias of it.");
            }
            return found;
        }
        List<TableClause> candidates = new ArrayList<>();
        for (TableClause clause : joined) {
            TableClause found = withColumns(table, clause);
            if (found != null && !candidates.contains(found)) {
                candidates.add(found);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String option = "containsEager(\"" + String.join(".", path) + "\")";
        if (candidates.isEmpty()) {
            throw new ArgumentException(option + " reads " + relationship + " from a join in the query, but the "
                    + "query does not join " + table.name() + ". Join it first, e.g. select(...).join("
                    + relationship.ownerType().getSimpleName() + "_." + relationship.name() + ").options(" + option
                    + "), or load it with joinedLoad(\"" + String.join(".", path) + "\").");
        }
        throw new ArgumentException(option + " is ambiguous: the query joins " + table.name() + " "
                + candidates.size() + " times. Name the one to read: containsEager(relation, alias).");
    }

    /** {@code clause} as a table with the mapped columns when it is {@code table} or an alias of it, else null. */
    private static @Nullable TableClause withColumns(Table table, TableClause clause) {
        if (clause instanceof TableAlias alias) {
            // An alias of a bare table reference has no columns; an alias of the mapped table with its name does.
            return sameTable(table, alias.original()) ? Sql.alias(table, alias.name()) : null;
        }
        return sameTable(table, clause) ? table : null;
    }

    private static boolean sameTable(Table table, TableClause clause) {
        return table.name().equals(clause.name()) && java.util.Objects.equals(table.schema(), clause.schema());
    }
}
