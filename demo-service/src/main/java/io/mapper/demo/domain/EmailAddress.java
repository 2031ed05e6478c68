package io.mapper.demo.domain;

import java.util.Objects;

import io.mapper.orm.annotation.Convert;
import io.mapper.types.TypeConverter;

/**
 * A customer's e-mail address as a value type rather than a bare string; stored as its text in the
 * {@code VARCHAR(120)} column through {@link Converter}, which {@code @Convert} on this class applies to every mapped
 * property of the type.
 */
@Convert(EmailAddress.Converter.class)
public record EmailAddress(String value) {

    public EmailAddress {
        Objects.requireNonNull(value, "value must not be null");
    }

    @Override
    public String toString() {
        return value;
    }

    /** Stores an address as its text. */
    public static final class Converter implements TypeConverter<EmailAddress, String> {

        @Override
        public String toStorage(EmailAddress address) {
            return address.value();
        }

        @Override
        public EmailAddress fromStorage(String text) {
            return new EmailAddress(text);
        }
    }
}
