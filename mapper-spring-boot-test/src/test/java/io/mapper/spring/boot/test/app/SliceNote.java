package io.mapper.spring.boot.test.app;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;

/** An entity of the slice test application, found by scanning its auto-configuration package. */
@Entity
@Table(name = "slice_note")
public class SliceNote {

    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 50, nullable = false)
    public String body;

    SliceNote() {
    }

    public SliceNote(String body) {
        this.body = body;
    }
}
