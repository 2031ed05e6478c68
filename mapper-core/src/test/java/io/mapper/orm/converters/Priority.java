package io.mapper.orm.converters;

import io.mapper.types.Coded;

/** An enum stored by a one-letter code. */
public enum Priority implements Coded<String> {
    LOW("L"), NORMAL("N"), HIGH("H");

    private final String code;

    Priority(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
