package io.mapper.orm.deferred;

import io.mapper.orm.Deferred;
import io.mapper.orm.Ref;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;

/**
 * A document with deferred columns: {@code body} (a holder, loaded on first get()), {@code summary} (a plain field,
 * null until refreshed) and {@code notes} (a holder whose access raises while unloaded).
 */
@Entity
public class Document {

    @Id @GeneratedValue public Long id;

    @Column(length = 40, nullable = false) public String title;

    public Integer pages;

    @Column(length = 0, deferred = true) public Deferred<String> body = Deferred.of(null);

    @Column(length = 0, deferred = true) public String summary;

    @Column(length = 0, deferred = true, raiseLoad = true) public Deferred<String> notes = Deferred.of(null);

    @ManyToOne public Ref<Folder> folder;

    Document() {
    }

    public Document(String title, int pages, String body, String summary, String notes) {
        this.title = title;
        this.pages = pages;
        this.body = Deferred.of(body);
        this.summary = summary;
        this.notes = Deferred.of(notes);
    }
}
