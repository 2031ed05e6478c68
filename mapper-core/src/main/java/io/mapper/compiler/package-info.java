/**
 * Compilers that render statements as SQL text with ordered bind parameters: {@link io.mapper.compiler.SqlCompiler}
 * and {@link io.mapper.compiler.IdentifierPreparer}, producing a {@link io.mapper.compiler.CompiledStatement};
 * {@link io.mapper.compiler.DdlCompiler} renders the schema layer's DDL elements and
 * {@link io.mapper.compiler.TypeCompiler} names column types. Dialects subclass them where their SQL differs.
 *
 * <p>Layer: above {@code schema}, {@code sql}, {@code types} and {@code exception}. A compiler receives what it needs
 * from its dialect through its constructor and never imports {@code io.mapper.dialect}.
 */
@NullMarked
package io.mapper.compiler;

import org.jspecify.annotations.NullMarked;
