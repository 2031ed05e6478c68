package io.mapper.benchmarks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Hibernate entity over {@code bench_item} (read and updated, never inserted by the workloads). */
@Entity
@Table(name = "bench_item")
public class HItem {

    @Id
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @Column(nullable = false)
    private int amount;

    @Column(length = 100)
    private String note;

    protected HItem() {
    }

    public HItem(Long id, String name, int amount, String note) {
        this.id = id;
        this.name = name;
        this.amount = amount;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getAmount() {
        return amount;
    }

    public void setAmount(int amount) {
        this.amount = amount;
    }

    public String getNote() {
        return note;
    }
}
