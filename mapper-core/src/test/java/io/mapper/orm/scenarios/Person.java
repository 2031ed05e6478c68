package io.mapper.orm.scenarios;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;

/** A user with addresses: cascade all, delete-orphan, ordered by id (test_transaction.py _LocalFixture). */
@Entity
public class Person {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false, unique = true) public String name;
    @OneToMany(mappedBy = "person", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "id")
    public List<Address> addresses = new ArrayList<>();

    Person() {
    }

    public Person(String name) {
        this.name = name;
    }

    /** Links both sides, for objects not yet in a session. */
    public Address add(Address address) {
        addresses.add(address);
        address.person = this;
        return address;
    }
}
