package io.mapper.demo.domain;

/** Where an order is in its life; stored by name. */
public enum OrderStatus {
    PLACED,
    CANCELLED
}
