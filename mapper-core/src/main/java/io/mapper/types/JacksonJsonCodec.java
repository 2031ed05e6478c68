package io.mapper.types;

import java.lang.reflect.Type;

import io.mapper.exception.ArgumentException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link JsonCodec} over Jackson 3, used when {@code tools.jackson.databind} is on the class path (an optional
 * dependency of mapper-core: this class is loaded only after {@link #isAvailable} said so). Map entries are written
 * sorted by key, so equal maps give equal text. Thread-safe.
 */
final class JacksonJsonCodec implements JsonCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static boolean isAvailable(ClassLoader loader) {
        try {
            // Both jars: jackson-databind without jackson-core fails on first use, not here.
            Class.forName("tools.jackson.databind.json.JsonMapper", false, loader);
            Class.forName("tools.jackson.core.JacksonException", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new ArgumentException("Cannot write a " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage() + ". Make it a record, a bean, a Map or a List of such values.", e);
        }
    }

    @Override
    public Object read(String json, Type type) {
        try {
            return mapper.readValue(json, mapper.getTypeFactory().constructType(type));
        } catch (JacksonException e) {
            throw new ArgumentException("Cannot read the JSON stored in the database as " + type.getTypeName() + ": "
                    + e.getOriginalMessage() + ". Fix the stored document, or the Java type it is read as.", e);
        }
    }

    @Override
    public boolean sameDocument(String left, String right) {
        if (left.equals(right)) {
            return true;
        }
        try {
            return mapper.readTree(left).equals(mapper.readTree(right));
        } catch (JacksonException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JacksonJsonCodec;
    }

    @Override
    public int hashCode() {
        return JacksonJsonCodec.class.hashCode();
    }
}
