package io.mapper.demo.service;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.demo.domain.Product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The request bodies the API accepts, validated with Jakarta Bean Validation before a service sees them. */
public final class Forms {

    private Forms() {
    }

    /** A new or changed customer. */
    public record CustomerForm(
            @NotBlank @Email @Size(max = 120) String email,
            @NotBlank @Size(max = 80) String name,
            @Valid @Nullable AddressForm address) {
    }

    /** A shipping address; the country is an ISO 3166 alpha-2 code. */
    public record AddressForm(
            @NotBlank @Size(max = 120) String street,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 80) String city,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be two upper-case letters (ISO 3166)") String country) {
    }

    /** A new category, at the top of the tree or under {@code parentId}. */
    public record CategoryForm(@NotBlank @Size(max = 60) String name, @Nullable Long parentId) {
    }

    /** A new tag. */
    public record TagForm(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+",
            message = "must be lower-case letters, digits and dashes") String name) {
    }

    /**
     * A new or changed product. {@code version} is required when changing one: it is the version the client read,
     * and a change based on an older version is refused with 409.
     */
    public record ProductForm(
            @NotBlank @Size(max = 32) String sku,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 4000) @Nullable String description,
            @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal price,
            @NotNull @PositiveOrZero @Max(Product.MAX_STOCK) Integer stock,
            @Nullable Long categoryId,
            @Nullable List<@NotBlank String> tags,
            @Nullable Long version) {
    }

    /** A review of a product by a customer. */
    public record ReviewForm(
            @NotNull Long customerId,
            @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 2000) @Nullable String comment) {
    }

    /** An order to place: a customer and at least one line. */
    public record OrderForm(
            @NotNull Long customerId,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull LineForm> lines) {
    }

    /** One line of an order to place. */
    public record LineForm(@NotNull Long productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }
}
