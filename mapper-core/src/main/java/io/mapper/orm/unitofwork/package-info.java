/**
 * The unit of work: {@link io.mapper.orm.unitofwork.UnitOfWork} turns a session's new, changed and deleted objects
 * into an ordered plan, and {@link io.mapper.orm.unitofwork.Persistence} emits the batched INSERT, UPDATE and
 * DELETE statements and reads back generated keys. Only {@code UnitOfWork} calls {@code Persistence}.
 *
 * <p>Layer: the ORM; imports the Core, {@code orm.mapping}, {@code orm.state}.
 */
@NullMarked
package io.mapper.orm.unitofwork;

import org.jspecify.annotations.NullMarked;
