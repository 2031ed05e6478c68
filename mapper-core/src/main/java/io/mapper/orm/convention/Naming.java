package io.mapper.orm.convention;

import java.util.Locale;

/** The default names of mapped tables and columns: the snake_case of the class or property name. */
public final class Naming {

    private Naming() {
    }

    /** {@code OrderLine} becomes {@code order_line}, {@code fullName} {@code full_name}, {@code URLPath} {@code url_path}. */
    public static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char ch = javaName.charAt(i);
            if (Character.isUpperCase(ch)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1))
                        && javaName.charAt(i - 1) != '_';
                boolean endOfAcronym = i > 0 && Character.isUpperCase(javaName.charAt(i - 1))
                        && i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                if (afterLower || endOfAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
