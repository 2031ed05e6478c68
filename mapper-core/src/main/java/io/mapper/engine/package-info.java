/**
 * The engine: {@link io.mapper.engine.Engine} (a pool and a dialect, thread-safe), {@link io.mapper.engine.Connection}
 * (one JDBC connection and its transaction, not thread-safe), savepoint {@link io.mapper.engine.Transaction}s,
 * {@link io.mapper.engine.Result}s and {@link io.mapper.engine.Row}s, {@link io.mapper.engine.StatementListener}s,
 * the hook for logging and metrics, and the {@link io.mapper.engine.Inspector}, which reflects a live database's
 * schema (it lives beside {@code Engine} and {@code Connection} because each hands one out and it reads through them).
 *
 * <p>Layer: above {@code dialect} and below; never imports a concrete {@code io.mapper.dialect.<db>} package.
 * Database errors are translated here, once, through the dialect's error translator.
 */
@NullMarked
package io.mapper.engine;

import org.jspecify.annotations.NullMarked;
