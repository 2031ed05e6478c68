/**
 * Change tracking: entities the build-time enhancer rewrote (mapper-core's pom runs it on this package after the
 * test classes compile), and the tests that the flush then writes exactly what it wrote before.
 */
package io.mapper.orm.tracking;
