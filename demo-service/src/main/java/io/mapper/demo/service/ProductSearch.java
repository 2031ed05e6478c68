package io.mapper.demo.service;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The product search's query parameters: a text to find in name or SKU, a category (its sub-categories included),
 * a tag, a price range, only products in stock; sorted by {@code sort} ({@code name}, {@code price}, {@code stock} or
 * {@code id}, with {@code ,asc} or {@code ,desc}), one page of {@code size} at a time.
 */
public record ProductSearch(
        @Size(max = 100) @Nullable String q,
        @Nullable Long category,
        @Nullable String tag,
        @DecimalMin("0") @Nullable BigDecimal minPrice,
        @DecimalMin("0") @Nullable BigDecimal maxPrice,
        @Nullable Boolean inStock,
        @Pattern(regexp = "(name|price|stock|id)(,(asc|desc))?",
                message = "must be name, price, stock or id, optionally followed by ,asc or ,desc")
        @Nullable String sort,
        @Min(0) @Max(1_000_000) @Nullable Integer page,
        @Min(1) @Max(100) @Nullable Integer size) {

    /** The page number, 0 by default. */
    public int pageOrDefault() {
        return page == null ? 0 : page;
    }

    /** The page size, 20 by default. */
    public int sizeOrDefault() {
        return size == null ? 20 : size;
    }
}
