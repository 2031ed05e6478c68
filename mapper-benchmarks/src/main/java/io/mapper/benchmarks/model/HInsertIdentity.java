package io.mapper.benchmarks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Hibernate entity over {@code bench_insert} with an IDENTITY key, for SQLite (see {@link HInsert}). */
@Entity(name = "HInsertIdentity")
@Table(name = "bench_insert")
public class HInsertIdentity implements HInsertRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @Column(nullable = false)
    private int amount;

    @Column(length = 100)
    private String note;

    protected HInsertIdentity() {
    }

    public HInsertIdentity(String name, int amount, String note) {
        this.name = name;
        this.amount = amount;
        this.note = note;
    }

    @Override
    public Long getId() {
        return id;
    }
}
