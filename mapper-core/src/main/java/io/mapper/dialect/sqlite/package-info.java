/** The SQLite dialect. Layer: a dialect; imports {@code io.mapper.dialect} and below. */
@NullMarked
package io.mapper.dialect.sqlite;

import org.jspecify.annotations.NullMarked;
