package io.mapper.orm.converters;

import io.mapper.types.Coded;

/** An enum stored by an integer code. */
public enum Size implements Coded<Integer> {
    SMALL(1), MEDIUM(2), LARGE(3);

    private final int code;

    Size(int code) {
        this.code = code;
    }

    @Override
    public Integer code() {
        return code;
    }
}
