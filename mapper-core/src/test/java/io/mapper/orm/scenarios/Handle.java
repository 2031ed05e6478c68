package io.mapper.orm.scenarios;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;

/** A row keyed by a natural (application-assigned) primary key (NaturalPKRollbackTest). */
@Entity
public class Handle {
    @Id @Column(length = 40) public String name;
    public String note;

    Handle() {
    }

    public Handle(String name) {
        this.name = name;
    }
}
