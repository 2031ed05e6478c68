package io.mapper.demo.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** An order asks for more of a product than is in stock; nothing of the order is written. */
public final class InsufficientStockException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public InsufficientStockException(long productId, String sku, int requested, int available) {
        super("Insufficient stock", "Only " + available + " of product " + sku + " in stock, " + requested
                + " requested.", properties(productId, sku, requested, available));
    }

    private static Map<String, Object> properties(long productId, String sku, int requested, int available) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("productId", productId);
        properties.put("sku", sku);
        properties.put("requested", requested);
        properties.put("available", available);
        return properties;
    }
}
