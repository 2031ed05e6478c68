package io.mapper.types;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Stores values of a Java type (a record, a bean, a {@code Map} or {@code List}) as JSON text through a
 * {@link JsonCodec}. Mutable: a session keeps a copy of each loaded value, so a document changed in place is written.
 * Equal when the Java type and the codec are. Thread-safe.
 */
final class JsonConverter<T> implements TypeConverter<T, String> {

    private final Type type;
    private final Class<T> rawType;
    private final JsonCodec codec;

    JsonConverter(Type type, Class<T> rawType, JsonCodec codec) {
        this.type = Objects.requireNonNull(type, "type");
        this.rawType = Objects.requireNonNull(rawType, "rawType");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public String toStorage(T value) {
        return codec.write(value);
    }

    @Override
    public T fromStorage(String value) {
        return rawType.cast(codec.read(value, type));
    }

    @Override
    public boolean mutable() {
        return true;
    }

    @Override
    public boolean sameStorage(String left, String right) {
        return codec.sameDocument(left, right);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonConverter<?> that && type.equals(that.type) && codec.equals(that.codec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, codec);
    }
}
