package io.mapper.dialect.h2;

import io.mapper.compiler.TypeCompiler;
import io.mapper.types.BuiltInType;

/**
 * H2's type names: TIME keeps microseconds only when declared {@code TIME(6)} (its default precision is 0), and
 * unbounded text is {@code CHARACTER VARYING} without a length (H2's TEXT is a CLOB, which cannot be compared).
 */
final class H2TypeCompiler extends TypeCompiler {

    @Override
    protected String text(BuiltInType<?> type) {
        return "CHARACTER VARYING";
    }

    @Override
    protected String time(BuiltInType<?> type) {
        return "TIME(6)";
    }
}
