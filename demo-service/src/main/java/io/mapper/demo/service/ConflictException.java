package io.mapper.demo.service;

import java.util.Map;

/** The request is valid but conflicts with the current state (stock, versions, references): answered with 409. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String title;
    private final transient Map<String, Object> properties;

    public ConflictException(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    /** A short, fixed summary of the kind of conflict. */
    public String title() {
        return title;
    }

    /** Extra members of the problem body (the product, the stock that was available, ...). */
    public Map<String, Object> properties() {
        return properties;
    }
}
