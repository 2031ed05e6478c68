/**
 * Spring AOT support: runtime hints for mapper itself and for the application's mapped entities, and the build-time
 * entity scan recorded in generated code.
 *
 * <p>Layer: Spring integration; imports Spring's AOT API and mapper's public API.
 */
@NullMarked
package io.mapper.spring.boot.aot;

import org.jspecify.annotations.NullMarked;
