package io.mapper.orm.scenarios;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.ManyToOne;

/** A document in a {@link Folder}, removed by the database with it. */
@Entity
public class Document {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String title;
    @ManyToOne(optional = false) @JoinColumn(name = "folder_id", onDelete = "CASCADE") public Folder folder;

    Document() {
    }

    public Document(String title) {
        this.title = title;
    }
}
