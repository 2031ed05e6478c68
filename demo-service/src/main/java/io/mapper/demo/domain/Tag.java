package io.mapper.demo.domain;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToMany;

/** A product tag; the inverse side of the products-tags many-to-many. */
@Entity
public class Tag {

    @Id @GeneratedValue
    private @Nullable Long id;

    @Column(length = 40, nullable = false, unique = true)
    private String name;

    @ManyToMany(mappedBy = "tags", fetch = FetchStrategy.LAZY)
    private Set<Product> products = new LinkedHashSet<>();

    Tag() {
        this.name = "";
    }

    public Tag(String name) {
        this.name = name;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Product> getProducts() {
        return products;
    }
}
