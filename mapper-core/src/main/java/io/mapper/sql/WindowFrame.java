package io.mapper.sql;

import io.mapper.exception.ArgumentException;

/**
 * The frame of a window function: {@code ROWS BETWEEN start AND end} or {@code RANGE BETWEEN ...}. Offsets are part
 * of the statement's structure (rendered as integers), as several databases accept no parameter there.
 */
public record WindowFrame(boolean range, Bound start, Bound end) {

    /** One end of a frame. */
    public record Bound(Kind kind, int offset) {

        /** The kinds of frame bound. */
        public enum Kind {
            UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
        }

        public Bound {
            if (offset < 0) {
                throw new ArgumentException("A window frame offset must not be negative, not " + offset);
            }
        }

        /** {@code UNBOUNDED PRECEDING}. */
        public static final Bound UNBOUNDED_PRECEDING = new Bound(Kind.UNBOUNDED_PRECEDING, 0);
        /** {@code CURRENT ROW}. */
        public static final Bound CURRENT_ROW = new Bound(Kind.CURRENT_ROW, 0);
        /** {@code UNBOUNDED FOLLOWING}. */
        public static final Bound UNBOUNDED_FOLLOWING = new Bound(Kind.UNBOUNDED_FOLLOWING, 0);

        /** {@code n PRECEDING}. */
        public static Bound preceding(int rows) {
            return new Bound(Kind.PRECEDING, rows);
        }

        /** {@code n FOLLOWING}. */
        public static Bound following(int rows) {
            return new Bound(Kind.FOLLOWING, rows);
        }

        /** The bound as SQL. */
        public String sql() {
            return switch (kind) {
                case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
                case PRECEDING -> offset + " PRECEDING";
                case CURRENT_ROW -> "CURRENT ROW";
                case FOLLOWING -> offset + " FOLLOWING";
                case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            };
        }
    }

    /** {@code ROWS BETWEEN start AND end}. */
    public static WindowFrame rows(Bound start, Bound end) {
        return new WindowFrame(false, start, end);
    }

    /** {@code RANGE BETWEEN start AND end}. */
    public static WindowFrame range(Bound start, Bound end) {
        return new WindowFrame(true, start, end);
    }
}
