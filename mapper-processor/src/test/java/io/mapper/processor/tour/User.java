package io.mapper.processor.tour;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;

/** The README tour's entity, exactly as the README shows it. */
@Entity
@Table(name = "user_account")
public class User {
    @Id @GeneratedValue Long id;
    @Column(length = 30, nullable = false) String name;
    String fullname;

    User() {                                   // for mapper; may be private
    }

    public User(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getFullname() { return fullname; }
    public void setFullname(String fullname) { this.fullname = fullname; }
}
