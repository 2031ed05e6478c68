package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Row;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;
import io.mapper.sql.Select;
import io.mapper.sql.TableClause;

/**
 * A strategy that reads the related objects from the parents' own rows (SQLAlchemy's {@code create_row_processor}
 * of a joined or contains-eager load): it adds the target's columns to the statement, and for each row puts the
 * related object, if the row has one, into the parent's list, de-duplicated, in row order. One instance serves one
 * statement.
 */
abstract class RowLoader implements LoaderStrategy {

    final RelationshipMapping relationship;
    private final @Nullable RelationshipMapping backReference;
    private final Map<InstanceState, List<Object>> elements = new IdentityHashMap<>();
    private StatementLoad.@Nullable Node target;

    RowLoader(RelationshipMapping relationship) {
        this.relationship = relationship;
        this.backReference = RelationshipValues.backReference(relationship);
    }

    /** The table or alias the statement reads the related objects' columns from. */
    abstract TableClause from();

    /**
     * The target's columns as the statement reads them from {@link #from()}: its properties, or for a class of an
     * inheritance hierarchy those of its subclasses too.
     */
    List<Object> columns() {
        io.mapper.orm.mapping.Mapper<?> target = relationship.target();
        TableClause from = from();
        if (target.inheritance() != null) {
            return new ArrayList<>(io.mapper.orm.mapping.PolymorphicLoad.of(target,
                    table -> table == target.table() ? from : table, from.name()).columns());
        }
        List<Object> columns = new ArrayList<>(target.properties().size());
        for (io.mapper.orm.mapping.PropertyMapping property : target.properties()) {
            columns.add(RelationshipValues.column(from, property.column()));
        }
        return columns;
    }

    /** The statement with whatever join this strategy adds to reach {@link #from()} from the parent's table. */
    abstract Select join(Select select, TableClause parentFrom);

    void target(StatementLoad.Node node) {
        this.target = node;
    }

    StatementLoad.Node target() {
        return Objects.requireNonNull(target, "target");
    }

    /** Reads the related object of one row, if any: a row of an outer join without one has a NULL key. */
    void row(InstanceState parent, Row row) {
        List<Object> list = elements.computeIfAbsent(parent, unused -> new ArrayList<>());
        StatementLoad.Node node = target();
        if (row.get(node.column(node.mapper().primaryKey().get(0).slot())) == null) {
            return;
        }
        Loaded loaded = node.read(row, false);
        Object child = loaded.entity();
        if (!BackReferences.containsSame(list, child)) {
            list.add(child);
        }
        RelationshipValues.setBackReference(backReference, loaded, parent);
    }

    @Override
    public void load(LoadPass pass, RelationshipMapping mapping, List<InstanceState> parents, List<String> path) {
        // Only fresh parents are set: an object already in the session keeps what it holds.
        for (InstanceState parent : parents) {
            RelationshipValues.setLoaded(pass.context(), parent, mapping, elements.getOrDefault(parent, List.of()));
        }
    }
}
