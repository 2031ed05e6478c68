/**
 * Testing support for applications that use mapper: the {@link io.mapper.spring.boot.test.MapperTest} slice and
 * {@link io.mapper.spring.boot.test.StatementRecorder} for statement-count (N+1) assertions.
 *
 * <p>Layer: test support on top of the auto-configuration; public API only.
 */
@NullMarked
package io.mapper.spring.boot.test;

import org.jspecify.annotations.NullMarked;
