package io.mapper.benchmarks.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** A Hibernate entity over {@code bench_parent} with its children (lazy; batch-fetched or join-fetched by W6). */
@Entity
@Table(name = "bench_parent")
public class HParent {

    @Id
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @OneToMany(mappedBy = "parent")
    private List<HChild> children = new ArrayList<>();

    protected HParent() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<HChild> getChildren() {
        return children;
    }
}
