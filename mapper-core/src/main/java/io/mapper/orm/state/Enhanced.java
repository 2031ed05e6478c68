package io.mapper.orm.state;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put by mapper's build-time enhancer on each class whose field writes it counts ({@link Tracked}); a mapping uses
 * the count only when every class declaring one of its fields carries it. Do not write it by hand.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Enhanced {

    /**
     * The counted fields whose public getter and setter, where the class declares them, only return and write the
     * field: mapper then keeps a loaded object's values as it set them, without reading them back.
     */
    String[] plain() default {};
}
