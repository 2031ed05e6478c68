/**
 * The session's bookkeeping below its facade: the tracked objects ({@link io.mapper.orm.session.SessionObjects}) and
 * the journal each transaction level keeps so that its rollback restores them exactly
 * ({@link io.mapper.orm.session.Journal}, SQLAlchemy's {@code SessionTransaction} snapshot).
 *
 * <p>Layer: the ORM, below {@code io.mapper.orm}; imports {@code orm.mapping}, {@code orm.state},
 * {@code orm.loading} and the Core. Internal: not API.
 */
@NullMarked
package io.mapper.orm.session;

import org.jspecify.annotations.NullMarked;
