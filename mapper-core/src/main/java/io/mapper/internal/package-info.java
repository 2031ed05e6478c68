/**
 * Small helpers shared by several layers (topological sort, caches). Not API: any class here may change.
 *
 * <p>Layer: imports the JDK only.
 */
@NullMarked
package io.mapper.internal;

import org.jspecify.annotations.NullMarked;
