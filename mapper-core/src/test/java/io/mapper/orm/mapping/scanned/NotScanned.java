package io.mapper.orm.mapping.scanned;

/** A class in the scanned package that is not an entity. */
public class NotScanned {
    Long id;
}
