package io.mapper.types;

import java.util.HashMap;
import java.util.Map;

import io.mapper.exception.ArgumentException;

/** Stores the constants of a {@link Coded} enum by their codes. Equal per enum class; thread-safe. */
final class EnumCodeConverter<E extends Enum<E>, C> implements TypeConverter<E, C> {

    private final Class<E> enumClass;
    private final Map<Object, E> byCode = new HashMap<>();

    EnumCodeConverter(Class<E> enumClass) {
        this.enumClass = enumClass;
        for (E constant : enumClass.getEnumConstants()) {
            Object code = ((Coded<?>) constant).code();
            if (code == null) {
                throw new ArgumentException(enumClass.getName() + "." + constant.name() + " has a null code; give "
                        + "every constant a code.");
            }
            E previous = byCode.put(code, constant);
            if (previous != null) {
                throw new ArgumentException(enumClass.getName() + "." + previous.name() + " and " + constant.name()
                        + " have the same code '" + code + "'; codes must be unique.");
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public C toStorage(E value) {
        return (C) ((Coded<?>) value).code();
    }

    @Override
    public E fromStorage(C value) {
        Object key = value instanceof Number number && !(value instanceof Integer) ? number.intValue() : value;
        E constant = byCode.get(key);
        if (constant == null) {
            throw new ArgumentException("The code '" + value + "' read from the database is not the code of a "
                    + "constant of " + enumClass.getName() + "; its codes are " + byCode.keySet() + ". Add the "
                    + "constant, or fix the stored value.");
        }
        return constant;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnumCodeConverter<?, ?> that && enumClass == that.enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.hashCode();
    }
}
