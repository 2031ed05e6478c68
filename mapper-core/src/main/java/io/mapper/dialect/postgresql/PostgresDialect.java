package io.mapper.dialect.postgresql;

import io.mapper.compiler.DdlCompiler;
import io.mapper.compiler.TypeCompiler;
import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;
import io.mapper.compiler.SqlCompiler;
import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.DefaultDialect;
import io.mapper.dialect.ErrorTranslator;
import io.mapper.dialect.SchemaReader;
import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/** PostgreSQL: RETURNING, {@code ON CONFLICT}, reliable SQLStates, and server-side cursors for streaming. */
public class PostgresDialect extends DefaultDialect {

    private static final SchemaReader SCHEMA_READER = new PostgresSchemaReader();

    public PostgresDialect(DatabaseInfo database) {
        super(database);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public SqlCompiler newSqlCompiler() {
        return new PostgresCompiler(identifierPreparer(), false);
    }

    private static final ErrorTranslator ERRORS = new PostgresErrorTranslator();

    @Override
    public ErrorTranslator errorTranslator() {
        return ERRORS;
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    // ---- Schema: DDL and types (issue 3, schema half) ----

    private static final TypeCompiler TYPES = new PostgresTypeCompiler();

    @Override
    public DdlCompiler newDdlCompiler() {
        return new PostgresDdlCompiler(identifierPreparer(), typeCompiler());
    }

    @Override
    public TypeCompiler typeCompiler() {
        return TYPES;
    }

    @Override
    protected <T> SqlType<T> resolveBuiltIn(BuiltInType<T> type) {
        return PostgresTypes.resolve(type);
    }

    // Reflection ------------------------------------------------------------------------------------------------

    @Override
    public SchemaReader schemaReader() {
        return SCHEMA_READER;
    }
}
