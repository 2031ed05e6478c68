package io.mapper.orm.annotation;

/** The SQL type of a discriminator column: its values are {@link DiscriminatorValue}s read as strings or integers. */
public enum DiscriminatorType {

    /** A VARCHAR column; the values are strings (an enum constant's name for an enum discriminator). */
    STRING,

    /** An INTEGER column; the values are integers written as {@code @DiscriminatorValue("2")}. */
    INTEGER
}
