package io.mapper.demo.repository;

import java.util.List;

import io.mapper.demo.domain.Category;

/** A custom repository fragment: loads the category tree with the {@code Session}'s loader options. */
public interface CategoryTree {

    /**
     * Every category by name with its children, in two statements whatever the depth: all categories, then all their
     * children collections with one {@code SELECT ... WHERE parent_id IN (...)}. The children are the same instances
     * as the categories of the first statement (the identity map), so the whole tree is loaded.
     */
    List<Category> findAllWithChildren();
}
