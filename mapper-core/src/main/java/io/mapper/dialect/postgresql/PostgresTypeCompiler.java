package io.mapper.dialect.postgresql;

import io.mapper.compiler.TypeCompiler;
import io.mapper.types.BuiltInType;

/** PostgreSQL's type names: BYTEA for binary data and JSONB for JSON documents. */
final class PostgresTypeCompiler extends TypeCompiler {

    @Override
    protected String blob(BuiltInType<?> type) {
        return "BYTEA";
    }

    @Override
    protected String json(BuiltInType<?> type) {
        return "JSONB";
    }
}
