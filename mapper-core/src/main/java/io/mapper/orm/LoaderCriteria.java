package io.mapper.orm;

import java.util.Objects;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.sql.Condition;
import io.mapper.sql.TableClause;

/**
 * A global filter, SQLAlchemy's {@code with_loader_criteria} and Hibernate's {@code @Filter}: a condition on an
 * entity's columns added to every statement that loads its objects (entity and tuple queries, counts, {@code get}
 * misses, select-in and lazy relationship loads, ORM bulk writes). Registered on the factory with
 * {@link SessionFactory.Builder#filter} (or {@link SessionFactory.Builder#filterEach} for a base type), enabled in every session; {@link Session#disableFilter} switches it off for a
 * session and {@link EntitySelect#withoutFilters} for one query. Immutable.
 *
 * <p>A filter declared for a base class or an interface ({@code SoftDeletable}) with a condition built per table
 * ({@code table -> table.column("deleted").eq(false)}) applies to every mapped entity assignable to it, built over
 * that entity's table, and over an alias of it where a query joins one (SQLAlchemy's
 * {@code with_loader_criteria(Mixin, lambda cls: ..., include_aliases=True)}).
 *
 * @param name the name that switches it
 * @param entityType the entity it filters: that class, its subclasses, or every entity implementing an interface
 * @param condition the condition, over the entity's metamodel columns ({@code Document_.deleted.isFalse()}); null
 *        when {@code perTable} builds it
 * @param perTable builds the condition over an entity's table or alias; null when {@code condition} is fixed
 */
public record LoaderCriteria(String name, Class<?> entityType, @Nullable Condition condition,
        @Nullable Function<TableClause, Condition> perTable) {

    /** A filter; name and type required, and exactly one of condition and perTable. */
    public LoaderCriteria {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entityType, "entityType");
        if ((condition == null) == (perTable == null)) {
            throw new io.mapper.exception.ArgumentException("A filter needs a condition or a function that builds "
                    + "one per table, not both or neither.");
        }
    }

    /** A filter with a fixed condition over one entity's columns. */
    public LoaderCriteria(String name, Class<?> entityType, Condition condition) {
        this(name, entityType, Objects.requireNonNull(condition, "condition"), null);
    }

    /** The condition for an entity read from {@code table} (its table, or an alias of it). */
    public Condition conditionFor(TableClause table) {
        if (perTable == null) {
            return Objects.requireNonNull(condition);
        }
        Condition built = perTable.apply(table);
        if (built == null) {
            throw new io.mapper.exception.ArgumentException("The filter '" + name + "' built no condition for table '"
                    + table.name() + "'; its function must return one.");
        }
        return built;
    }

    /** Whether the condition can be built over an alias of the entity's table (a per-table filter). */
    public boolean appliesToAliases() {
        return perTable != null;
    }
}
