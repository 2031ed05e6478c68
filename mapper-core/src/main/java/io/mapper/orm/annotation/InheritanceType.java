package io.mapper.orm.annotation;

/**
 * How a class hierarchy is stored: SQLAlchemy's single-table, joined-table and concrete-table inheritance (JPA's
 * {@code SINGLE_TABLE}, {@code JOINED}, {@code TABLE_PER_CLASS}). See docs/orm.md, "Inheritance", for the SQL of each.
 */
public enum InheritanceType {

    /** Every class in one table; a discriminator column tells the classes apart; subclass columns are nullable. */
    SINGLE_TABLE,

    /** The base class's table holds the inherited columns and the discriminator; each subclass adds a table of its
     * own columns whose primary key is a foreign key to the base table's. */
    JOINED,

    /** Each concrete class has a complete table of its own; polymorphic queries read a UNION ALL of the tables. */
    TABLE_PER_CLASS
}
