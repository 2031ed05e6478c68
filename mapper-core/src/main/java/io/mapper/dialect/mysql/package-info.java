/** The MySQL family: MySQL and MariaDB. Layer: a dialect; imports {@code io.mapper.dialect} and below. */
@NullMarked
package io.mapper.dialect.mysql;

import org.jspecify.annotations.NullMarked;
