package io.mapper.spring.boot.domain;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;

/** A small entity for the Spring ORM tests. */
@Entity
@Table(name = "orm_note")
public class Note {

    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 50, nullable = false)
    public String body;

    Note() {
    }

    public Note(String body) {
        this.body = body;
    }
}
