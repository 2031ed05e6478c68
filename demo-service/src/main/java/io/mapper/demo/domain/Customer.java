package io.mapper.demo.domain;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToOne;

/**
 * A customer of the store; the e-mail address (an {@link EmailAddress}, stored as text through its converter) is
 * unique. Owns at most one shipping address (one-to-one). Audited:
 * Spring Data's auditing (enabled in {@code AuditingConfiguration}) sets {@code createdAt} before the INSERT and
 * {@code updatedAt} before each UPDATE.
 */
@Entity
public class Customer {

    @Id @GeneratedValue
    private @Nullable Long id;

    @Column(length = 120, nullable = false, unique = true)
    private EmailAddress email;

    @Column(length = 80, nullable = false)
    private String name;

    @CreatedDate
    @Column(nullable = false)
    private @Nullable LocalDateTime createdAt;

    @LastModifiedDate
    private @Nullable LocalDateTime updatedAt;

    @OneToOne(mappedBy = "customer", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    private @Nullable ShippingAddress address;

    Customer() {
        this.email = new EmailAddress("");
        this.name = "";
    }

    public Customer(EmailAddress email, String name) {
        this.email = email;
        this.name = name;
    }

    public @Nullable Long getId() {
        return id;
    }

    public EmailAddress getEmail() {
        return email;
    }

    public void setEmail(EmailAddress email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** When the customer was registered; null until the customer is first flushed. */
    public @Nullable LocalDateTime getCreatedAt() {
        return createdAt;
    }

    /** When the customer was last saved (the registration time until a change). */
    public @Nullable LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public @Nullable ShippingAddress getAddress() {
        return address;
    }

    /** Sets or removes the shipping address, keeping both sides of the one-to-one in step. */
    public void setAddress(@Nullable ShippingAddress address) {
        this.address = address;
        if (address != null) {
            address.setCustomer(this);
        }
    }
}
