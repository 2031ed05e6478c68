package io.mapper.types;

/**
 * An enum stored by a code of its own instead of its constant name: {@code enum Status implements Coded<String>
 * { OPEN("O"), CLOSED("C"); ... }}. A mapped property of such an enum is stored through {@link Types#enumByCode};
 * codes are strings or integers and must be unique within the enum.
 *
 * @param <C> the code's type: {@code String} or {@code Integer}
 */
public interface Coded<C> {

    /** The code stored for this constant. */
    C code();
}
