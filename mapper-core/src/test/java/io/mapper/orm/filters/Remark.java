package io.mapper.orm.filters;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/** A remark on an article; soft-deletable. */
@Entity
public class Remark implements SoftDeletable {

    @Id @GeneratedValue public Long id;

    @Column(length = 40, nullable = false) public String text;

    public boolean deleted;

    @ManyToOne public Article article;

    Remark() {
    }

    public Remark(String text, boolean deleted) {
        this.text = text;
        this.deleted = deleted;
    }
}
