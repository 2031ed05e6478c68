package io.mapper.sql;

/**
 * Turns a statement into SQL for one database; a {@code Dialect} is one. It lets {@code stmt.compile(dialect)} live
 * in this package without knowing dialects.
 */
public interface StatementCompiler {

    /** The statement rendered with {@code ?} placeholders, and the values for them in order. */
    CompiledSql compile(Executable statement);
}
