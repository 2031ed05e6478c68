package io.mapper.demo.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request is well-formed but asks for something the store cannot hold (an order total beyond its limit): 422. */
public class UnprocessableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String title;
    private final transient Map<String, Object> properties;

    public UnprocessableException(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        // In the given order, so that problem bodies read the same every time.
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A short, fixed summary of the kind of problem. */
    public String title() {
        return title;
    }

    /** Extra members of the problem body (the limit, ...). */
    public Map<String, Object> properties() {
        return properties;
    }
}
