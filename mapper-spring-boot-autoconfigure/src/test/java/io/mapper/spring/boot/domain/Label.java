package io.mapper.spring.boot.domain;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;

/** A second entity for the Spring ORM tests, so that schema validation sees more than one table. */
@Entity
@Table(name = "orm_label")
public class Label {

    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 30)
    public String name;

    Label() {
    }

    public Label(String name) {
        this.name = name;
    }
}
