package io.mapper.demo.domain;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.OneToOne;

import org.jspecify.annotations.Nullable;

/** The shipping address of one customer: the owning side of a one-to-one (it holds {@code customer_id}). */
@Entity
public class ShippingAddress {

    @Id @GeneratedValue
    private @Nullable Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "customer_id", onDelete = "CASCADE")
    private @Nullable Customer customer;

    @Column(length = 120, nullable = false)
    private String street;

    @Column(length = 20, nullable = false)
    private String postalCode;

    @Column(length = 80, nullable = false)
    private String city;

    @Column(length = 2, nullable = false)
    private String country;

    ShippingAddress() {
        this("", "", "", "");
    }

    public ShippingAddress(String street, String postalCode, String city, String country) {
        this.street = street;
        this.postalCode = postalCode;
        this.city = city;
        this.country = country;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable Customer getCustomer() {
        return customer;
    }

    void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public String getStreet() {
        return street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    public String getCountry() {
        return country;
    }

    /** Replaces every field at once (addresses change as a whole). */
    public void update(String newStreet, String newPostalCode, String newCity, String newCountry) {
        this.street = newStreet;
        this.postalCode = newPostalCode;
        this.city = newCity;
        this.country = newCountry;
    }
}
