package io.mapper.orm.annotation;

/** What a session operation on a parent does to the objects of one of its relationships (SQLAlchemy's cascades). */
public enum Cascade {
    /** Adding the parent adds the related objects (a default of every relationship). */
    SAVE_UPDATE,
    /**
     * Merging the parent merges the related objects' state too (a default of one-to-many and one-to-one). Without
     * it, merging copies the relationship as which rows it refers to, each the session's own instance.
     */
    MERGE,
    /** Deleting the parent deletes the related objects. */
    DELETE,
    /** Removing an object from the collection deletes it. */
    DELETE_ORPHAN,
    /** Expunging or refreshing the parent does the same to the related objects. */
    REFRESH_EXPUNGE,
    /** SAVE_UPDATE, MERGE, DELETE and REFRESH_EXPUNGE; add DELETE_ORPHAN explicitly. */
    ALL
}
