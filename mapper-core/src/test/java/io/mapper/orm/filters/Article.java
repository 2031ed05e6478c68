package io.mapper.orm.filters;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** An article; soft-deletable, like its comments. */
@Entity
public class Article implements SoftDeletable {

    @Id @GeneratedValue public Long id;

    @Column(length = 40, nullable = false) public String headline;

    public boolean deleted;

    @OneToMany(mappedBy = "article", orderBy = "text")
    public List<Remark> remarks = new ArrayList<>();

    Article() {
    }

    public Article(String headline, boolean deleted) {
        this.headline = headline;
        this.deleted = deleted;
    }

    /** Adds a remark and returns this article. */
    public Article with(Remark remark) {
        remarks.add(remark);
        remark.article = this;
        return this;
    }
}
