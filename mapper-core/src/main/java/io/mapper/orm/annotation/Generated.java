package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column whose value the database writes (a server default, a trigger, a computed column): mapper never writes it
 * and reads the value back into the object after the flush that INSERTed (and, for {@link GenerationTime#ALWAYS},
 * UPDATEd) the row, in the statement itself ({@code RETURNING}) where the database can, else with one SELECT per
 * batch (SQLAlchemy's {@code server_default}/{@code FetchedValue} with {@code eager_defaults}, Hibernate's
 * {@code @Generated}). With {@link Version} it makes the version a counter kept by the database.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Generated {

    /** When the database writes the value; {@link GenerationTime#INSERT} by default. */
    GenerationTime value() default GenerationTime.INSERT;
}
