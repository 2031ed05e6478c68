package io.mapper.demo.domain;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/**
 * A customer's review of a product: two many-to-ones. A moderator hides a review instead of deleting it
 * ({@code hidden}, a soft delete): the global filter {@value #VISIBLE} (see {@code ModerationConfiguration}) leaves
 * hidden reviews out of every query and relationship load, unless a session switches it off.
 */
@Entity
public class Review {

    /** The name of the global filter that leaves hidden reviews out. */
    public static final String VISIBLE = "visible-reviews";

    @Id @GeneratedValue
    private @Nullable Long id;

    @ManyToOne(optional = false)
    private @Nullable Product product;

    @ManyToOne(optional = false)
    private @Nullable Customer author;

    private int rating;

    @Column(length = 2000)
    private @Nullable String comment;

    @Column(nullable = false)
    private LocalDateTime createdAt;

    private boolean hidden;

    Review() {
        this.createdAt = LocalDateTime.MIN;
    }

    public Review(Customer author, int rating, @Nullable String comment, LocalDateTime createdAt) {
        this.author = author;
        this.rating = rating;
        this.comment = comment;
        this.createdAt = createdAt;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable Product getProduct() {
        return product;
    }

    void setProduct(Product product) {
        this.product = product;
    }

    public @Nullable Customer getAuthor() {
        return author;
    }

    public int getRating() {
        return rating;
    }

    public @Nullable String getComment() {
        return comment;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public boolean isHidden() {
        return hidden;
    }

    /** Hides the review from the shop (moderation); the row stays. */
    public void hide() {
        this.hidden = true;
    }
}
