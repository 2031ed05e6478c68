package io.mapper.types;

import java.lang.reflect.Type;
import java.util.ServiceLoader;

import io.mapper.exception.ArgumentException;

/**
 * Turns Java objects into JSON text and back, for columns of {@link Types#json(Class)} (SQLAlchemy's
 * {@code json_serializer}/{@code json_deserializer}). mapper has no JSON library of its own: {@link #discover()} finds
 * an implementation registered through {@code META-INF/services/io.mapper.types.JsonCodec}, else Jackson 3
 * ({@code tools.jackson.databind}) when it is on the class path. Implementations are thread-safe.
 */
public interface JsonCodec {

    /** The JSON text of a non-null value. */
    String write(Object value);

    /** The value of {@code type} (a class, or a parameterised type such as {@code List<Tag>}) that the text holds. */
    Object read(String json, Type type);

    /**
     * Whether two JSON texts hold the same document; text equality by default. Jackson compares the parsed trees, so
     * key order and spacing are no change.
     */
    default boolean sameDocument(String left, String right) {
        return left.equals(right);
    }

    /**
     * The codec found on the class path: the first {@code ServiceLoader} implementation, else Jackson 3; raises,
     * naming both ways to provide one, when there is neither.
     */
    static JsonCodec discover() {
        ClassLoader loader = JsonCodec.class.getClassLoader();
        for (JsonCodec codec : ServiceLoader.load(JsonCodec.class, loader)) {
            return codec;
        }
        if (JacksonJsonCodec.isAvailable(loader)) {
            return new JacksonJsonCodec();
        }
        throw new ArgumentException("A JSON column needs a JSON library, and none was found: add "
                + "tools.jackson.core:jackson-databind to the class path, or register an io.mapper.types.JsonCodec "
                + "(META-INF/services, or SessionFactory.builder(engine).jsonCodec(...)).");
    }
}
