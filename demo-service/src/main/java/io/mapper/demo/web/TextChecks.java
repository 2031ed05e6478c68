package io.mapper.demo.web;

import org.jspecify.annotations.Nullable;

/** What makes a text unstorable as sent: a NUL character or an unpaired UTF-16 surrogate. */
final class TextChecks {

    private TextChecks() {
    }

    /** Why {@code text} cannot be stored as sent, or null when it can. */
    static @Nullable String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }
}
