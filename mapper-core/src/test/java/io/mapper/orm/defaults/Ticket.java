package io.mapper.orm.defaults;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;

/** An entity whose status and priority have server defaults, for issue 14's ORM insert tests. */
@Entity
public class Ticket {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false)
    public String title;

    @Column(length = 10, nullable = false, serverDefault = "'open'")
    public String status;

    @Column(serverDefault = "3")
    public Integer priority;

    Ticket() {
    }

    public Ticket(String title) {
        this.title = title;
    }
}
