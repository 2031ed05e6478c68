package io.mapper.orm.tracking;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;

/**
 * An enhanced entity with plain accessors ({@code id}, {@code stars}) and ones that do more: a getter that turns a
 * null into an empty string ({@code title}) and a setter that trims ({@code code}).
 */
@Entity
@Table(name = "tracked_card")
public class TrackedCard {

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String title;

    @Column(length = 20)
    private String code;

    private int stars;

    protected TrackedCard() {
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title == null ? "" : title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.trim();
    }

    public int getStars() {
        return stars;
    }

    public void setStars(int stars) {
        this.stars = stars;
    }
}
