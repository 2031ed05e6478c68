package io.mapper.demo.service;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.Category;
import io.mapper.demo.domain.Category_;
import io.mapper.demo.domain.Tag;
import io.mapper.demo.domain.Tag_;
import io.mapper.demo.service.Forms.CategoryForm;
import io.mapper.demo.service.Forms.TagForm;
import io.mapper.demo.service.Views.CategoryView;
import io.mapper.demo.service.Views.TagView;
import io.mapper.orm.SessionOperations;

/** The category tree (self-referential one-to-many) and the tags. */
@Service
public class CatalogService {

    private final SessionOperations session;

    public CatalogService(SessionOperations session) {
        this.session = session;
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

    /**
     * Every category with its children, in two statements whatever the depth: all categories, then all their
     * children collections with one {@code SELECT ... WHERE parent_id IN (...)}. The children are the same
     * instances as the categories of the first statement (the identity map), so the whole tree is loaded.
     */
    private List<Category> loadTree() {
        return session.scalars(select(Category.class).orderBy(Category_.name).options(selectInLoad("children")))
                .all();
    }

    /** Adds a category, under a parent when one is given. A taken name is a 409 (unique constraint). */
    @Transactional
    public CategoryView create(CategoryForm form) {
        Category category = new Category(form.name());
        if (form.parentId() != null) {
            find(form.parentId()).addChild(category);
        }
        session.add(category);
        session.flush();
        return view(category);
    }

    /** All tags by name. */
    @Transactional(readOnly = true)
    public List<TagView> tags() {
        return session.scalars(select(Tag.class).orderBy(Tag_.name)).stream()
                .map(tag -> new TagView(tag.getId(), tag.getName())).toList();
    }

    /** Adds a tag. A taken name is a 409 (unique constraint). */
    @Transactional
    public TagView createTag(TagForm form) {
        Tag tag = new Tag(form.name());
        session.add(tag);
        session.flush();
        return new TagView(tag.getId(), tag.getName());
    }

    Category find(long id) {
        Category category = session.get(Category.class, id);
        if (category == null) {
            throw new NotFoundException("Category", id);
        }
        return category;
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
