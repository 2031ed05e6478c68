package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Makes an {@link Id} generated: by the database (the default), by a sequence, or as a client-side UUID. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface GeneratedValue {

    /** How the value is generated. */
    GenerationStrategy strategy() default GenerationStrategy.IDENTITY;

    /** The sequence name for {@link GenerationStrategy#SEQUENCE}; {@code <table>_seq} when empty. */
    String sequence() default "";
}
