package io.mapper.benchmarks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A Hibernate entity over {@code bench_insert}. Its key comes from a pooled sequence, as Hibernate's documentation
 * advises: an IDENTITY key would turn JDBC insert batching off. Where the database has no sequences (SQLite),
 * Hibernate emulates the sequence with a table.
 */
@Entity
@Table(name = "bench_insert")
public class HInsert {

    /** Keys fetched from the sequence at a time (the sequence's INCREMENT BY). */
    public static final int ALLOCATION_SIZE = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_insert_seq")
    @SequenceGenerator(name = "bench_insert_seq", sequenceName = "bench_insert_seq", allocationSize = ALLOCATION_SIZE)
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @Column(nullable = false)
    private int amount;

    @Column(length = 100)
    private String note;

    protected HInsert() {
    }

    public HInsert(String name, int amount, String note) {
        this.name = name;
        this.amount = amount;
        this.note = note;
    }

    public Long getId() {
        return id;
    }
}
