/** The H2 dialect. Layer: a dialect; imports {@code io.mapper.dialect} and below. */
@NullMarked
package io.mapper.dialect.h2;

import org.jspecify.annotations.NullMarked;
