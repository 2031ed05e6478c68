package io.mapper.orm.model;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;

/** An e-mail address of a {@link User}; the foreign key is a plain column until relationships arrive. */
@Entity
public class Address {

    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 100, nullable = false)
    public String emailAddress;

    @Column(nullable = false, references = "user_account.id")
    public Long userId;

    Address() {
    }

    public Address(String emailAddress, Long userId) {
        this.emailAddress = emailAddress;
        this.userId = userId;
    }
}
