package io.mapper.orm.lifecycle;

import io.mapper.orm.annotation.AfterDelete;
import io.mapper.orm.annotation.AfterInsert;
import io.mapper.orm.annotation.AfterLoad;
import io.mapper.orm.annotation.AfterUpdate;
import io.mapper.orm.annotation.BeforeDelete;
import io.mapper.orm.annotation.BeforeInsert;
import io.mapper.orm.annotation.BeforeUpdate;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Transient;
import io.mapper.orm.annotation.Validates;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/** A member with every life-cycle method, an attribute validator, and Bean Validation constraints. */
@Entity
public class Member extends Audited {

    @Id @GeneratedValue public Long id;

    @NotBlank
    @Column(length = 40, nullable = false)
    public String name;

    @Email
    @Column(length = 80)
    public String email;

    @PositiveOrZero
    public int points;

    /** Whether the key was set when afterInsert ran. */
    @Transient
    public boolean keyAfterInsert;

    Member() {
    }

    public Member(String name, String email) {
        this.name = name;
        this.email = email;
    }

    /** Mirrors SQLAlchemy's test_validators.py::test_scalar: the validator sees the key and may change the value. */
    @Validates("email")
    String normaliseEmail(String property, String value) {
        events.add("validate " + property);
        if (value != null && value.endsWith("@example.invalid")) {
            throw new IllegalArgumentException("the example.invalid domain is not accepted");
        }
        return value == null ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Validates("name")
    void checkName(String value) {
        if ("fred".equals(value)) {
            throw new IllegalArgumentException("fred is reserved");
        }
    }

    @BeforeInsert
    void beforeInsert() {
        events.add("beforeInsert");
    }

    @AfterInsert
    void afterInsert() {
        keyAfterInsert = id != null;
        events.add("afterInsert");
    }

    @BeforeUpdate
    void beforeUpdate() {
        events.add("beforeUpdate");
    }

    @AfterUpdate
    void afterUpdate() {
        events.add("afterUpdate");
    }

    @BeforeDelete
    void beforeDelete() {
        events.add("beforeDelete");
    }

    @AfterDelete
    void afterDelete() {
        events.add("afterDelete");
    }

    @AfterLoad
    void afterLoad() {
        events.add("afterLoad");
    }
}
