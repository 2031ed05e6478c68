package io.mapper.dialect.postgresql;

import io.mapper.compiler.DdlCompiler;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.TypeCompiler;
import io.mapper.schema.Sequence;

/** PostgreSQL's DDL: standard SQL except that a sequence default is {@code nextval('name')}. */
final class PostgresDdlCompiler extends DdlCompiler {

    PostgresDdlCompiler(IdentifierPreparer identifiers, TypeCompiler types) {
        super(identifiers, types);
    }

    @Override
    protected void sequenceDefault(Sequence sequence) {
        // nextval takes the sequence as a regclass literal, quoted inside the string when the name needs it.
        out.raw(" DEFAULT nextval(").raw(types.stringLiteral(identifiers.quote(sequence.name()))).raw(")");
    }
}
