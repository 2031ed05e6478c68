package io.mapper.schema;

import java.util.Objects;

/**
 * A table's comment, given among its elements: {@code metadata.table("product", TableComment.of("What we sell"),
 * Column.of(...))}. Kept where the database keeps comments (not SQLite).
 *
 * @param text the comment
 */
public record TableComment(String text) implements TableElement {

    public TableComment {
        Objects.requireNonNull(text, "comment text must not be null");
    }

    /** A table comment. */
    public static TableComment of(String text) {
        return new TableComment(text);
    }
}
