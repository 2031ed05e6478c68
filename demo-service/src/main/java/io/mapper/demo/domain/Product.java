package io.mapper.demo.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinTable;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.Validates;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.Version;

/**
 * A product with its stock. {@code @Version} makes every change optimistic: two orders that read the same stock
 * cannot both write it; the second one's flush raises {@code StaleDataException} and is retried.
 */
@Entity
public class Product {

    /**
     * The largest stock a product can have. Well below {@code Integer.MAX_VALUE}, so that putting a cancelled order's
     * quantities back can be checked instead of wrapping around.
     */
    public static final int MAX_STOCK = 1_000_000_000;


    @Id @GeneratedValue
    private @Nullable Long id;

    @Column(length = 32, nullable = false, unique = true)
    private String sku;

    @Column(length = 120, nullable = false, index = true)
    private String name;

    @Column(length = 0)
    private @Nullable String description;

    @Column(precision = 10, scale = 2, nullable = false)
    private BigDecimal price;

    private int stock;

    @Version
    private long version;

    @ManyToOne
    private @Nullable Category category;

    @ManyToMany
    @JoinTable(name = "product_tag", joinColumn = "product_id", inverseJoinColumn = "tag_id")
    private Set<Tag> tags = new LinkedHashSet<>();

    @OneToMany(mappedBy = "product", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, fetch = FetchStrategy.LAZY,
            orderBy = "id")
    private List<Review> reviews = new ArrayList<>();

    Product() {
        this.sku = "";
        this.name = "";
        this.price = BigDecimal.ZERO;
    }

    public Product(String sku, String name, BigDecimal price, int stock) {
        this.sku = sku;
        this.name = name;
        this.price = price;
        this.stock = stock;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public int getStock() {
        return stock;
    }

    public void setStock(int stock) {
        this.stock = stock;
    }

    /**
     * The stock invariant, checked by mapper before every flush that writes the stock ({@code @Validates}, SQLAlchemy's
     * {@code @validates}): the services refuse orders and edits that would break it first, so at the flush this only
     * stops a bug from writing a negative or oversized stock.
     */
    @Validates("stock")
    void checkStock(Integer newStock) {
        if (newStock < 0 || newStock > MAX_STOCK) {
            throw new IllegalArgumentException("stock must be between 0 and " + MAX_STOCK + ", not " + newStock);
        }
    }

    public long getVersion() {
        return version;
    }

    public @Nullable Category getCategory() {
        return category;
    }

    public void setCategory(@Nullable Category category) {
        this.category = category;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public List<Review> getReviews() {
        return reviews;
    }

    /** Adds a review of this product, setting its product. */
    public Review addReview(Review review) {
        review.setProduct(this);
        if (!reviews.contains(review)) {
            reviews.add(review);
        }
        return review;
    }
}
