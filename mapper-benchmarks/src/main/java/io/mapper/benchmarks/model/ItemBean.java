package io.mapper.benchmarks.model;

import org.jspecify.annotations.Nullable;

/** A mutable row of {@code bench_item} for MyBatis's setter-based result maps and generated keys. */
public final class ItemBean {

    private @Nullable Long id;
    private String name = "";
    private int amount;
    private @Nullable String note;

    public ItemBean() {
    }

    public ItemBean(String name, int amount, @Nullable String note) {
        this.name = name;
        this.amount = amount;
        this.note = note;
    }

    public @Nullable Long getId() {
        return id;
    }

    public void setId(@Nullable Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getAmount() {
        return amount;
    }

    public void setAmount(int amount) {
        this.amount = amount;
    }

    public @Nullable String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note;
    }
}
