package io.mapper.spring.boot.hierarchy;

import io.mapper.orm.annotation.DiscriminatorColumn;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Inheritance;

/** The abstract base of a single-table hierarchy, which the package scan must find although it is no bean. */
@Entity
@Inheritance
@DiscriminatorColumn(name = "kind")
public abstract class Payment {
    @Id @GeneratedValue public Long id;
    public long cents;
}
