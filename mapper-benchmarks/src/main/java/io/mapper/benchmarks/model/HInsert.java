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
 * advises: an IDENTITY key would turn JDBC insert batching off. SQLite has no sequences, and Hibernate's table
 * emulation cannot work there (it takes the next block in a second transaction, which SQLite's single writer
 * blocks once the first has written), so on SQLite the suite uses {@link HInsertIdentity}.
 */
@Entity
@Table(name = "bench_insert")
public class HInsert implements HInsertRow {

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

    @Override
    public Long getId() {
        return id;
    }
}
