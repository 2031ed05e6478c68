/** The PostgreSQL dialect. Layer: a dialect; imports {@code io.mapper.dialect} and below. */
@NullMarked
package io.mapper.dialect.postgresql;

import org.jspecify.annotations.NullMarked;
