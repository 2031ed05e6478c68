package io.mapper.orm.deferred;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** A folder of documents, for deferred columns of objects loaded through a relationship. */
@Entity
public class Folder {

    @Id @GeneratedValue public Long id;

    @Column(length = 30, nullable = false) public String name;

    @OneToMany(mappedBy = "folder", orderBy = "title")
    public List<Document> documents = new ArrayList<>();

    Folder() {
    }

    public Folder(String name) {
        this.name = name;
    }

    /** Adds a document and returns this folder. */
    public Folder with(Document document) {
        documents.add(document);
        document.folder = io.mapper.orm.Ref.of(this);
        return this;
    }
}
