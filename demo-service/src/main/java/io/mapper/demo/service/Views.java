package io.mapper.demo.service;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the API returns: plain records, built from entities inside the transaction that loaded them. */
public final class Views {

    private Views() {
    }

    /** A customer and their shipping address, if any. */
    public record CustomerView(long id, String email, String name, LocalDateTime createdAt,
            @Nullable LocalDateTime updatedAt,
            @Nullable AddressView address) {
    }

    /** A shipping address. */
    public record AddressView(String street, String postalCode, String city, String country) {
    }

    /** A category with its sub-categories, recursively. */
    public record CategoryView(long id, String name, @Nullable Long parentId, List<CategoryView> children) {
    }

    /** A tag. */
    public record TagView(long id, String name) {
    }

    /** A category as a product shows it. */
    public record CategoryRef(long id, String name) {
    }

    /** A product; {@code version} is what a change must send back. */
    public record ProductView(long id, String sku, String name, @Nullable String description, BigDecimal price,
            int stock, long version, @Nullable CategoryRef category, List<String> tags) {
    }

    /** A review; {@code hidden} ones are shown to moderators only. */
    public record ReviewView(long id, long productId, long customerId, String customerName, int rating,
            @Nullable String comment, LocalDateTime createdAt, boolean hidden) {
    }

    /** An order with its lines. */
    public record OrderView(long id, long customerId, String customerName, LocalDateTime placedAt, String status,
            BigDecimal total, List<OrderLineView> lines) {
    }

    /** A line of an order: the product, and the quantity and price it was ordered at. */
    public record OrderLineView(long productId, String sku, String name, int quantity, BigDecimal unitPrice,
            BigDecimal lineTotal) {
    }

    /** One entry of an order's history: what happened, and when. */
    public sealed interface OrderEventView permits PlacedView, CancelledView {

        /** The event's id. */
        long id();

        /** {@code PLACED} or {@code CANCELLED}: the row's discriminator value. */
        String kind();

        /** When it happened. */
        LocalDateTime occurredAt();
    }

    /** The order was placed with {@code lineCount} lines and this total. */
    public record PlacedView(long id, String kind, LocalDateTime occurredAt, int lineCount, BigDecimal total)
            implements OrderEventView {
    }

    /** The order was cancelled; {@code unitsRestocked} units went back into stock. */
    public record CancelledView(long id, String kind, LocalDateTime occurredAt, int unitsRestocked)
            implements OrderEventView {
    }

    /** One page of a longer list, with the total count of matching items. */
    public record Page<T>(List<T> items, int page, int size, long total, int totalPages) {

        /** A page of {@code items} out of {@code total}. */
        public static <T> Page<T> of(List<T> items, int page, int size, long total) {
            return new Page<>(items, page, size, total, (int) ((total + size - 1) / size));
        }
    }

    /** Revenue of one customer in one month. */
    public record MonthlyRevenue(long customerId, String customerName, String month, long orders,
            BigDecimal revenue) {
    }

    /** A product ranked by revenue, overall and within its category. */
    public record TopProduct(long rank, long rankInCategory, long productId, String sku, String name,
            @Nullable String category, long unitsSold, BigDecimal revenue) {
    }
}
