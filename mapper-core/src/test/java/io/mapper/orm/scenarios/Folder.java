package io.mapper.orm.scenarios;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** A folder whose documents the database deletes (passiveDeletes with ON DELETE CASCADE). */
@Entity
public class Folder {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String name;
    @OneToMany(mappedBy = "folder", cascade = Cascade.ALL, passiveDeletes = true, orderBy = "id")
    public List<Document> documents = new ArrayList<>();

    Folder() {
    }

    public Folder(String name) {
        this.name = name;
    }

    /** Links both sides, for objects not yet in a session. */
    public Document add(Document document) {
        documents.add(document);
        document.folder = this;
        return document;
    }
}
