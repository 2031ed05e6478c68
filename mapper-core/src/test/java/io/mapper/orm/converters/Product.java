package io.mapper.orm.converters;

import java.util.List;
import java.util.Map;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Convert;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Json;

/** An entity with a property of each kind of converted type. */
@Entity
public class Product {

    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 40)
    public String name;

    @Convert(MoneyConverter.class)
    @Column(precision = 12, scale = 2)
    public Money price;

    public EmailAddress contact;

    public Priority priority;

    public Size size;

    @Convert
    public Celsius storedAt;

    @Json
    public Settings settings;

    @Json
    public List<String> tags;

    @Json
    public Map<String, Object> attributes;

    Product() {
    }

    public Product(String name) {
        this.name = name;
    }
}
