package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an {@link Entity} the root of a mapped class hierarchy: its {@link Entity} subclasses are loaded by queries
 * of it ({@code select(Animal.class)} returns {@code Dog}s and {@code Cat}s), share its identity and are stored as
 * {@link #strategy()} says.
 *
 * <pre>{@code
 * @Entity @Inheritance(strategy = InheritanceType.JOINED) @DiscriminatorColumn(name = "kind")
 * @DiscriminatorValue("animal")
 * public class Animal { @Id @GeneratedValue Long id; String name; }
 *
 * @Entity @DiscriminatorValue("dog")
 * public class Dog extends Animal { String breed; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inheritance {

    /** How the hierarchy is stored. */
    InheritanceType strategy() default InheritanceType.SINGLE_TABLE;
}
