package io.mapper.benchmarks.model;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;

/**
 * A mapper entity over {@code bench_insert_keyed}, whose key the application gives (no generated value), for
 * W1-keys-given (SQLAlchemy's bulk_inserts.py {@code test_flush_pk_given}).
 */
@Entity
@Table(name = "bench_insert_keyed")
public class MInsertKeyed {

    @Id
    private long id;

    @Column(length = 50, nullable = false)
    private String name = "";

    @Column(nullable = false)
    private int amount;

    @Column(length = 100)
    private @Nullable String note;

    private MInsertKeyed() {
    }

    public MInsertKeyed(long id, String name, int amount, @Nullable String note) {
        this.id = id;
        this.name = name;
        this.amount = amount;
        this.note = note;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getAmount() {
        return amount;
    }

    public @Nullable String getNote() {
        return note;
    }
}
