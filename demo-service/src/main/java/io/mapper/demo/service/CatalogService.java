package io.mapper.demo.service;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.Category;
import io.mapper.demo.domain.Tag;
import io.mapper.demo.repository.CategoryRepository;
import io.mapper.demo.repository.TagRepository;
import io.mapper.demo.service.Forms.CategoryForm;
import io.mapper.demo.service.Forms.TagForm;
import io.mapper.demo.service.Views.CategoryView;
import io.mapper.demo.service.Views.TagView;

/** The category tree (self-referential one-to-many) and the tags, through their repositories. */
@Service
public class CatalogService {

    private static final Sort BY_NAME = Sort.by("name");

    private final CategoryRepository categories;
    private final TagRepository tags;

    public CatalogService(CategoryRepository categories, TagRepository tags) {
        this.categories = categories;
        this.tags = tags;
    }

    /** The whole tree, roots by name. */
    @Transactional(readOnly = true)
    public List<CategoryView> tree() {
        return loadTree().stream().filter(category -> category.getParent() == null).map(CatalogService::view)
                .toList();
    }

    /** One category with its sub-tree. */
    @Transactional(readOnly = true)
    public CategoryView get(long id) {
        loadTree();
        return view(find(id));
    }

    /** Every category with its children, in two statements whatever the depth (see {@code CategoryTree}). */
    private List<Category> loadTree() {
        return categories.findAllWithChildren();
    }

    /** Adds a category, under a parent when one is given. A taken name is a 409 (unique constraint). */
    @Transactional
    public CategoryView create(CategoryForm form) {
        Category category = new Category(form.name());
        if (form.parentId() != null) {
            find(form.parentId()).addChild(category);
        }
        return view(categories.save(category));
    }

    /** All tags by name, or those whose name starts with {@code prefix} (ignoring case). */
    @Transactional(readOnly = true)
    public List<TagView> tags(@Nullable String prefix) {
        List<Tag> found = prefix == null ? tags.findAll(BY_NAME) : tags.findByNameStartingWithIgnoreCase(prefix, BY_NAME);
        return found.stream().map(tag -> new TagView(tag.getId(), tag.getName())).toList();
    }

    /** Adds a tag. A taken name is a 409 (unique constraint). */
    @Transactional
    public TagView createTag(TagForm form) {
        Tag tag = tags.save(new Tag(form.name()));
        return new TagView(tag.getId(), tag.getName());
    }

    Category find(long id) {
        return categories.findById(id).orElseThrow(() -> new NotFoundException("Category", id));
    }

    /** The ids of a category and all categories below it. */
    List<Long> subtreeIds(long id) {
        loadTree();
        List<Long> ids = new java.util.ArrayList<>();
        collect(find(id), ids);
        return ids;
    }

    private static void collect(Category category, List<Long> ids) {
        ids.add(category.getId());
        for (Category child : category.getChildren()) {
            collect(child, ids);
        }
    }

    static CategoryView view(Category category) {
        Category parent = category.getParent();
        return new CategoryView(category.getId(), category.getName(), parent == null ? null : parent.getId(),
                category.getChildren().stream().map(CatalogService::view).toList());
    }
}
