/**
 * The unit of work, in SQLAlchemy's three parts: {@link io.mapper.orm.unitofwork.UnitOfWork} scans the session once,
 * lets a {@link io.mapper.orm.unitofwork.DependencyProcessor} per relationship direction cascade, reconcile both
 * sides and sync keys, and runs a plan of {@link io.mapper.orm.unitofwork.FlushAction}s sorted by foreign-key
 * dependency; {@link io.mapper.orm.unitofwork.Persistence} emits the batched INSERT, UPDATE and DELETE statements and
 * reads back generated keys. Only {@code UnitOfWork} calls the other two.
 *
 * <p>Layer: below the session API, above {@code orm.session}, {@code orm.loading}, {@code orm.mapping} and
 * {@code orm.state} (see {@code io.mapper.orm.mapping}). Internal: not API.
 */
@NullMarked
package io.mapper.orm.unitofwork;

import org.jspecify.annotations.NullMarked;
