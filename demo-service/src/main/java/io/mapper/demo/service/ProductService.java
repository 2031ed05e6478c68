package io.mapper.demo.service;

import static io.mapper.orm.Orm.select;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mapper.demo.domain.Category;
import io.mapper.demo.domain.Product;
import io.mapper.demo.domain.Product_;
import io.mapper.demo.domain.Review;
import io.mapper.demo.domain.Tag;
import io.mapper.demo.domain.Tag_;
import io.mapper.demo.service.Forms.ProductForm;
import io.mapper.demo.service.Forms.ReviewForm;
import io.mapper.demo.service.Views.CategoryRef;
import io.mapper.demo.service.Views.Page;
import io.mapper.demo.service.Views.ProductView;
import io.mapper.demo.service.Views.ReviewView;
import io.mapper.orm.EntitySelect;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.Session;
import io.mapper.schema.Column;
import io.mapper.schema.Table;
import io.mapper.sql.Condition;
import io.mapper.sql.OrderByElement;
import io.mapper.sql.Sql;

/** Products: CRUD with optimistic versions, tags (many-to-many), reviews (one-to-many), and the search. */
@Service
public class ProductService {

    private final Session session;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final Clock clock;
    private final Column<Long> productCategoryId;
    private final Column<Long> productTagProductId;
    private final Column<Long> productTagTagId;

    public ProductService(Session session, SessionFactory sessions, CatalogService catalog,
            CustomerService customers, Clock clock) {
        this.session = session;
        this.catalog = catalog;
        this.customers = customers;
        this.clock = clock;
        // Foreign-key columns of relationships have no metamodel attribute; the mapped tables have them.
        Table product = sessions.metadata().table("product");
        Table productTag = sessions.metadata().table("product_tag");
        this.productCategoryId = product.column("category_id", Long.class);
        this.productTagProductId = productTag.column("product_id", Long.class);
        this.productTagTagId = productTag.column("tag_id", Long.class);
    }

    /**
     * One page of the products matching the search, and how many match in all: the count, the page, then the
     * page's categories (a to-one is loaded with its object) and the tags of all its products, each with one
     * {@code SELECT ... IN} for the whole page.
     */
    @Transactional(readOnly = true)
    public Page<ProductView> search(ProductSearch search) {
        List<Condition> conditions = new ArrayList<>();
        if (search.q() != null && !search.q().isBlank()) {
            String text = search.q().trim().toLowerCase(java.util.Locale.ROOT);
            conditions.add(Sql.or(Sql.lower(Product_.name).contains(text), Sql.lower(Product_.sku).contains(text)));
        }
        if (search.category() != null) {
            conditions.add(productCategoryId.in(catalog.subtreeIds(search.category())));
        }
        if (search.tag() != null && !search.tag().isBlank()) {
            conditions.add(Product_.id.in(Sql.select(productTagProductId)
                    .where(productTagTagId.in(Sql.select(Tag_.id).where(Tag_.name.eq(search.tag()))))));
        }
        if (search.minPrice() != null) {
            conditions.add(Product_.price.ge(search.minPrice()));
        }
        if (search.maxPrice() != null) {
            conditions.add(Product_.price.le(search.maxPrice()));
        }
        if (search.minPrice() != null && search.maxPrice() != null
                && search.minPrice().compareTo(search.maxPrice()) > 0) {
            throw new BadRequestException("minPrice", "minPrice must not be greater than maxPrice.");
        }
        if (Boolean.TRUE.equals(search.inStock())) {
            conditions.add(Product_.stock.gt(0));
        }
        Condition where = Sql.and(conditions.toArray(Condition[]::new));
        long total = session.query(Product.class).filter(where).count();
        int page = search.pageOrDefault();
        int size = search.sizeOrDefault();
        EntitySelect<Product> query = select(Product.class).where(where).orderBy(order(search.sort()), Product_.id.asc())
                .limit(size).offset(page * size);
        List<ProductView> items = session.scalars(query).stream().map(ProductService::view).toList();
        return Page.of(items, page, size, total);
    }

    private static OrderByElement order(@Nullable String sort) {
        String[] parts = (sort == null ? "name" : sort).split(",");
        boolean descending = parts.length > 1 && parts[1].equals("desc");
        io.mapper.orm.Attribute<Product, ?> attribute = switch (parts[0]) {
            case "price" -> Product_.price;
            case "stock" -> Product_.stock;
            case "id" -> Product_.id;
            case "name" -> Product_.name;
            default -> throw new BadRequestException("sort", "Unknown sort key " + parts[0]
                    + "; use name, price, stock or id.");
        };
        return descending ? attribute.desc() : attribute.asc();
    }

    /** One product. */
    @Transactional(readOnly = true)
    public ProductView get(long id) {
        return view(find(id));
    }

    /** Adds a product; a taken SKU is a 409 (the unique constraint). */
    @Transactional
    public ProductView create(ProductForm form) {
        Product product = new Product(form.sku(), form.name(), form.price(), form.stock());
        apply(product, form);
        session.add(product);
        session.flush();
        return view(product);
    }

    /**
     * Changes a product. The form's {@code version} must be the product's current version: a change based on what
     * someone else has changed since is refused (409), as is one that loses a race at the flush (StaleDataException).
     */
    @Transactional
    public ProductView update(long id, ProductForm form) {
        Product product = find(id);
        if (form.version() == null) {
            throw new BadRequestException("version", "version is required to change a product: send the version "
                    + "you read.");
        }
        if (form.version() != product.getVersion()) {
            throw new ConflictException("Stale version", "Product " + id + " is at version " + product.getVersion()
                    + ", but the change was based on version " + form.version() + ". Reload it and try again.",
                    Map.of("currentVersion", product.getVersion()));
        }
        product.setSku(form.sku());
        product.setName(form.name());
        product.setPrice(form.price());
        product.setStock(form.stock());
        apply(product, form);
        session.flush();
        return view(product);
    }

    private void apply(Product product, ProductForm form) {
        product.setDescription(form.description());
        Category category = form.categoryId() == null ? null : catalog.find(form.categoryId());
        product.setCategory(category);
        if (form.tags() != null) {
            Set<Tag> tags = new LinkedHashSet<>();
            for (String name : form.tags()) {
                Tag tag = session.query(Tag.class).filter(Tag_.name.eq(name)).oneOrNull();
                if (tag == null) {
                    throw new NotFoundException("Tag", name);
                }
                tags.add(tag);
            }
            product.getTags().retainAll(tags);
            product.getTags().addAll(tags);
        }
    }

    /** Deletes a product with its reviews; a product that was ordered is kept (409, a foreign key). */
    @Transactional
    public void delete(long id) {
        session.disableFilter(Review.VISIBLE);     // the cascade must load and delete the hidden reviews too
        session.delete(find(id));
        session.flush();
    }

    /**
     * The reviews of a product, oldest first: the visible ones, or all of them for a moderator
     * ({@code includeHidden}), with the global filter switched off for this transaction's session.
     */
    @Transactional(readOnly = true)
    public List<ReviewView> reviews(long productId, boolean includeHidden) {
        if (includeHidden) {
            session.disableFilter(Review.VISIBLE);
        }
        return find(productId).getReviews().stream().map(ProductService::view).toList();
    }

    /**
     * Hides a review of a product (moderation, a soft delete). A review that is hidden already, or of another
     * product, is a 404: the filter makes {@code get} miss a hidden row.
     */
    @Transactional
    public void hideReview(long productId, long reviewId) {
        Review review = session.get(Review.class, reviewId);
        if (review == null || !Objects.equals(review.getProduct().getId(), productId)) {
            throw new NotFoundException("Review", reviewId);
        }
        review.hide();
        session.flush();
    }

    /** Adds a review. */
    @Transactional
    public ReviewView addReview(long productId, ReviewForm form) {
        Product product = find(productId);
        Review review = product.addReview(new Review(customers.find(form.customerId()), form.rating(),
                form.comment(), LocalDateTime.now(clock)));
        session.flush();
        return view(review);
    }

    Product find(long id) {
        Product product = session.get(Product.class, id);
        if (product == null) {
            throw new NotFoundException("Product", id);
        }
        return product;
    }

    static ProductView view(Product product) {
        Category category = product.getCategory();
        return new ProductView(product.getId(), product.getSku(), product.getName(), product.getDescription(),
                product.getPrice(), product.getStock(), product.getVersion(),
                category == null ? null : new CategoryRef(category.getId(), category.getName()),
                product.getTags().stream().map(Tag::getName).sorted().toList());
    }

    static ReviewView view(Review review) {
        return new ReviewView(review.getId(), review.getProduct().getId(), review.getAuthor().getId(),
                review.getAuthor().getName(), review.getRating(), review.getComment(), review.getCreatedAt(),
                review.isHidden());
    }
}
