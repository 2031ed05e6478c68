package io.mapper.spring.boot.scenarios;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;

/** The "User" of SQLAlchemy's test_transaction.py fixtures: a generated key, a unique name and a changeable email. */
@Entity
@Table(name = "scn_user")
public class ScenarioUser {

    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 50, nullable = false, unique = true)
    public String name;

    @Column(length = 100)
    public String email;

    ScenarioUser() {
    }

    public ScenarioUser(String name) {
        this.name = name;
    }

    public ScenarioUser(String name, String email) {
        this.name = name;
        this.email = email;
    }

    @Override
    public String toString() {
        return "ScenarioUser(" + id + ", " + name + ", " + email + ")";
    }
}
