package io.mapper.demo.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request is valid but conflicts with the current state (stock, versions, references): answered with 409. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String title;
    private final transient Map<String, Object> properties;

    public ConflictException(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        // In the given order, so that problem bodies read the same every time.
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
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
