package io.mapper.benchmarks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Hibernate entity over {@code bench_insert_keyed}, with a key the application assigns (W1-keys-given). */
@Entity
@Table(name = "bench_insert_keyed")
public class HInsertKeyed {

    @Id
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @Column(nullable = false)
    private int amount;

    @Column(length = 100)
    private String note;

    protected HInsertKeyed() {
    }

    public HInsertKeyed(Long id, String name, int amount, String note) {
        this.id = id;
        this.name = name;
        this.amount = amount;
        this.note = note;
    }

    public Long getId() {
        return id;
    }
}
