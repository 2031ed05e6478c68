package io.mapper.demo.service;

import java.util.Map;

/** An order asks for more of a product than is in stock; nothing of the order is written. */
public final class InsufficientStockException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public InsufficientStockException(long productId, String sku, int requested, int available) {
        super("Insufficient stock", "Only " + available + " of product " + sku + " in stock, " + requested
                + " requested.", Map.of("productId", productId, "sku", sku, "requested", requested,
                "available", available));
    }
}
