package io.mapper.demo.domain;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;

/** A node of the self-referencing category tree (adjacency list: {@code parent_id} points at the parent). */
@Entity
public class Category {

    @Id @GeneratedValue
    private @Nullable Long id;

    @Column(length = 60, nullable = false, unique = true)
    private String name;

    @ManyToOne
    private @Nullable Category parent;

    // Lazy: a product's category must not drag its whole subtree along. CatalogService loads the tree with
    // selectInLoad("children") when it wants it.
    @OneToMany(mappedBy = "parent", orderBy = "name", fetch = FetchStrategy.LAZY)
    private List<Category> children = new ArrayList<>();

    Category() {
        this.name = "";
    }

    public Category(String name) {
        this.name = name;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public @Nullable Category getParent() {
        return parent;
    }

    public List<Category> getChildren() {
        return children;
    }

    /** Adds a sub-category, setting its parent, and returns it. */
    public Category addChild(Category child) {
        child.parent = this;
        if (!children.contains(child)) {
            children.add(child);
        }
        return child;
    }
}
