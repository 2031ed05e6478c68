package io.mapper.orm.mapping.scanned;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;

/** An entity found by package scanning in the mapping tests. */
@Entity
public class Scanned {
    @Id
    Long id;
}
