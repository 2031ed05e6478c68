/**
 * mapper's build-time enhancer: rewrites compiled entity classes so that they count writes to their mapped fields
 * ({@link io.mapper.enhancer.Enhancer}), which lets the session's flush skip unwritten objects.
 */
package io.mapper.enhancer;
