package io.mapper.demo.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path ids and numeric query parameters are plain decimal digits. Spring's default conversion would read
 * {@code 0x10} as 16 and trim blanks ({@code "15\t"} is 15); these editors, registered on every data binder, take
 * precedence over it and refuse anything else with a 400 naming the parameter.
 */
@ControllerAdvice
class StrictNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,19}");

    @InitBinder
    void strictNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new Decimal(Long.MAX_VALUE, false));
        binder.registerCustomEditor(Long.class, new Decimal(Long.MAX_VALUE, true));
        binder.registerCustomEditor(int.class, new Decimal(Integer.MAX_VALUE, false));
        binder.registerCustomEditor(Integer.class, new Decimal(Integer.MAX_VALUE, true));
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final long max;
        private final boolean wrapper;

        Decimal(long max, boolean wrapper) {
            this.max = max;
            this.wrapper = wrapper;
        }

        @Override
        public void setAsText(String text) {
            if (wrapper && text.isEmpty()) {
                setValue(null);
                return;
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("not a plain decimal number");
            }
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("out of range", e);
            }
            if (value > max) {
                throw new IllegalArgumentException("out of range");
            }
            setValue(max == Integer.MAX_VALUE ? (Object) (int) value : (Object) value);
        }
    }
}
