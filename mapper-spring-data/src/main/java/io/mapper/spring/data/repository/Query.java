package io.mapper.spring.data.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.data.annotation.QueryAnnotation;

/**
 * Declares the SQL a repository method runs, as mapper text SQL ({@code Sql.text}) with named parameters bound from
 * the method's arguments ({@code :email} takes the argument named {@code email}, or annotated
 * {@code @Param("email")}); values are always bound, never pasted into the text.
 *
 * <p>A method returning the repository's entity (one, {@code Optional}, a {@code List} or a {@code Stream}) gets the
 * session's instances: the query must select the entity's primary-key column(s), and the objects are loaded by key
 * through the identity map, in the query's order. A method returning a record gets one per row (columns matched to
 * components by name); an interface projection gets a proxy over each row; a simple type ({@code long},
 * {@code String}...) gets the first column. With {@link Modifying @Modifying}, the statement is an INSERT, UPDATE or
 * DELETE and the method returns the row count ({@code int}, {@code long}) or nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@QueryAnnotation
@Documented
public @interface Query {

    /** The SQL text, with {@code :name} parameters. */
    String value();
}
