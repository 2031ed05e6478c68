package io.mapper.orm.relations;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** A user with addresses (one-to-many, bidirectional, delete cascades). */
@Entity
public class Owner {
    @Id @GeneratedValue public Long id;
    @Column(length = 30, nullable = false) public String name;
    @OneToMany(mappedBy = "owner", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "email")
    public List<Mail> mails = new ArrayList<>();

    Owner() {
    }

    public Owner(String name) {
        this.name = name;
    }
}
