package io.mapper.orm.converters;

import io.mapper.orm.annotation.Convert;
import io.mapper.types.TypeConverter;

/** An e-mail address whose class names its converter, so every property of this type is stored through it. */
@Convert(EmailAddress.Converter.class)
public record EmailAddress(String value) {

    /** Stores the address as its text, lower-cased. */
    public static final class Converter implements TypeConverter<EmailAddress, String> {

        @Override
        public String toStorage(EmailAddress address) {
            return address.value().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public EmailAddress fromStorage(String text) {
            return new EmailAddress(text);
        }
    }
}
