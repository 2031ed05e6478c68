package io.mapper.orm.mapping;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.sql.ClauseElement;
import io.mapper.sql.CompiledSql;
import io.mapper.sql.Executable;
import io.mapper.sql.Expression;
import io.mapper.sql.Operation;
import io.mapper.sql.SqlVisitor;
import io.mapper.sql.StatementCompiler;
import io.mapper.sql.StatementKind;

/**
 * A Core statement the ORM emits for an entity: rendered exactly as the Core statement, but reported as kind
 * {@code orm} with the entity's name (for logs and the {@code mapper.query} metric), and optionally asking the driver
 * for generated keys. Immutable.
 */
public final class OrmStatement implements Executable {

    private final Executable statement;
    private final String entityName;
    private final List<String> generatedKeyColumns;

    /** Wraps {@code statement}, emitted for {@code entityName}, returning the generated values of the columns given. */
    public OrmStatement(Executable statement, String entityName, List<String> generatedKeyColumns) {
        this.statement = Objects.requireNonNull(statement, "statement");
        this.entityName = Objects.requireNonNull(entityName, "entityName");
        this.generatedKeyColumns = List.copyOf(generatedKeyColumns);
    }

    /** Wraps {@code statement}, emitted for {@code entityName}. */
    public OrmStatement(Executable statement, String entityName) {
        this(statement, entityName, List.of());
    }

    /** The Core statement. */
    public Executable statement() {
        return statement;
    }

    @Override
    public StatementKind statementKind() {
        return StatementKind.ORM;
    }

    @Override
    public @Nullable String entityName() {
        return entityName;
    }

    @Override
    public @Nullable String collectionName() {
        return statement.collectionName();
    }

    @Override
    public Operation operation() {
        return statement.operation();
    }

    @Override
    public List<String> generatedKeyColumns() {
        return generatedKeyColumns;
    }

    @Override
    public Map<String, @Nullable Object> boundValues() {
        return statement.boundValues();
    }

    @Override
    public @Nullable Object cacheKey() {
        Object inner = statement.cacheKey();
        return inner == null ? null : List.of("orm", entityName, generatedKeyColumns, inner);
    }

    @Override
    public List<? extends Expression<?>> resultColumns() {
        return statement.resultColumns();
    }

    @Override
    public CompiledSql compile(StatementCompiler dialect) {
        return statement.compile(dialect);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        statement.accept(visitor);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return statement.children();
    }

    @Override
    public String toString() {
        return statement.toString();
    }
}
