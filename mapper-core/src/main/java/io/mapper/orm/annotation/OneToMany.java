package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A collection of child entities whose foreign key points at this entity. With {@code mappedBy} the child's
 * {@link ManyToOne} owns the foreign key (bidirectional); without it the field needs a {@link JoinColumn} naming
 * the foreign key column of the child's table, which this side writes (unidirectional, no back-reference on the
 * child). A {@code List} may add an {@link OrderColumn} that stores each element's index.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OneToMany {

    /**
     * The {@link ManyToOne} property on the child that owns the foreign key; empty for a unidirectional one-to-many,
     * which then names its foreign key column with {@link JoinColumn}.
     */
    String mappedBy() default "";

    /** How the collection is loaded. */
    FetchStrategy fetch() default FetchStrategy.DEFAULT;

    /**
     * Cascades from this object to the children: by default {@code SAVE_UPDATE} and {@code MERGE} (SQLAlchemy's
     * {@code "save-update, merge"}), so merging a detached parent merges its loaded children's state too.
     */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};

    /** Rely on the database's ON DELETE CASCADE instead of loading children to delete them. */
    boolean passiveDeletes() default false;

    /** The children's order, as {@code "property"} or {@code "property desc"}, comma separated. */
    String orderBy() default "";
}
