package io.mapper.orm.elements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.mapper.orm.annotation.CollectionTable;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.ElementCollection;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OrderColumn;
import io.mapper.orm.converters.Priority;

/** An entity with one element collection of each kind: a set, an ordered list, a bag, embeddables, coded enums. */
@Entity
public class Person {
    @Id @GeneratedValue Long id;
    @Column(length = 40) String name;

    @ElementCollection
    @CollectionTable(name = "person_nickname", joinColumn = "person_id")
    @Column(name = "nickname", length = 40)
    Set<String> nicknames = new LinkedHashSet<>();

    @ElementCollection @OrderColumn @Column(name = "tag", length = 40)
    List<String> tags = new ArrayList<>();                 // table person_tags, join column person_id

    @ElementCollection @Column(name = "alias", length = 40)
    List<String> aliases = new ArrayList<>();              // a bag: no order column

    @ElementCollection @CollectionTable(name = "person_address") @OrderColumn(name = "idx")
    List<Address> addresses = new ArrayList<>();

    @ElementCollection @Column(name = "priority")
    Set<Priority> priorities = new LinkedHashSet<>();      // stored by code

    Person() {
    }

    Person(String name) {
        this.name = name;
    }
}
