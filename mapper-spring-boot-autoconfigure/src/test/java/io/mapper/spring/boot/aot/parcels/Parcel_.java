package io.mapper.spring.boot.aot.parcels;

/**
 * Stands for the metamodel mapper-processor generates next to an entity (this module's tests do not run the
 * processor): the AOT hints find it by the entity's name plus {@code _}.
 */
public final class Parcel_ {

    /** The name of the {@code state} attribute. */
    public static final String STATE = "state";

    private Parcel_() {
    }
}
