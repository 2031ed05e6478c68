package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The discriminator column of an {@link Inheritance} root: the column whose value names each row's class. Without
 * it a single-table or joined hierarchy uses a {@code STRING} column named {@code dtype}; a table-per-class
 * hierarchy has no discriminator column (its UNION ALL selects each table's value as a literal).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiscriminatorColumn {

    /** The column name. */
    String name() default "dtype";

    /** The column's type. */
    DiscriminatorType type() default DiscriminatorType.STRING;

    /** The column's length for {@code STRING}. */
    int length() default 31;

    /**
     * An enum whose constants are the discriminator values, or {@code Void.class} for none. With it, every
     * {@link DiscriminatorValue} must be the name of one of its constants, checked when the classes are mapped.
     */
    Class<?> enumType() default Void.class;
}
