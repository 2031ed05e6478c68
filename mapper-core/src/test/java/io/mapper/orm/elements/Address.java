package io.mapper.orm.elements;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Embeddable;

/** An embeddable value kept in an element collection: its components are columns of the collection table. */
@Embeddable
public record Address(@Column(length = 60) String street, @Column(length = 40) String city) {
}
