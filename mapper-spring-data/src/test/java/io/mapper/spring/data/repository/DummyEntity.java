package io.mapper.spring.data.repository;

import java.time.LocalDate;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;
import io.mapper.orm.annotation.Transient;

/** The entity of the repository tests, shaped like Spring Data JDBC's {@code DummyEntity}. */
@Entity
@Table(name = "sd_dummy")
public class DummyEntity {

    @Id
    @GeneratedValue
    private Long idProp;

    @Column(length = 50, nullable = false)
    private String name;

    @Column(length = 20)
    private String country;

    private int age;

    private boolean flag;

    private LocalDate birthday;

    @Transient
    private String scratch;

    DummyEntity() {
    }

    public DummyEntity(String name, String country, int age) {
        this.name = name;
        this.country = country;
        this.age = age;
    }

    public Long getIdProp() {
        return idProp;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountry() {
        return country;
    }

    public int getAge() {
        return age;
    }

    public boolean isFlag() {
        return flag;
    }

    public DummyEntity flag(boolean value) {
        this.flag = value;
        return this;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public DummyEntity birthday(LocalDate value) {
        this.birthday = value;
        return this;
    }

    public String getScratch() {
        return scratch;
    }

    @Override
    public String toString() {
        return "DummyEntity[" + idProp + ", " + name + "]";
    }
}
