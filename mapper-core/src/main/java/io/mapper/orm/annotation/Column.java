package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Customises the column of a mapped property; every non-{@link Transient} field is mapped even without it, to the
 * snake_case of its name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Column {

    /** The column name; when empty, the naming strategy's name of the property (snake_case by default). */
    String name() default "";

    /** The VARCHAR length of a String column; 0 means unbounded text. */
    int length() default 255;

    /** The precision of a BigDecimal column; 0 means the default (19). */
    int precision() default 0;

    /** The scale of a BigDecimal column. */
    int scale() default 2;

    /** Whether the column accepts NULL; primitives and {@link Id}s never do. */
    boolean nullable() default true;

    /** Whether the column has a UNIQUE constraint of its own. */
    boolean unique() default false;

    /** Whether the column gets an index of its own. */
    boolean index() default false;

    /** A server-side default, as SQL text (for example {@code CURRENT_TIMESTAMP}); empty for none. */
    String serverDefault() default "";

    /**
     * A foreign key to {@code "table.column"}, for key columns mapped as
     * plain values; relationships declare theirs themselves. Empty for none.
     */
    String references() default "";

    /** A comment stored with the column. */
    String comment() default "";

    /**
     * Whether the column is left out of the entity's SELECTs and loaded on first access (SQLAlchemy's
     * {@code deferred()}): through a {@code Deferred<T>} field's {@code get()}, or {@code session.refresh(obj, "name")}
     * for a plain field, which stays null until then. A query may undefer it ({@code Orm.undefer}).
     */
    boolean deferred() default false;

    /**
     * With {@link #deferred()}: the first access of the unloaded value raises instead of loading it (SQLAlchemy's
     * {@code deferred(..., raiseload=True)}), so a forgotten {@code undefer} shows up in tests. Needs a
     * {@code Deferred<T>} field, whose access mapper can see.
     */
    boolean raiseLoad() default false;
}
