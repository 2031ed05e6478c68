package io.mapper.orm.model;

import io.mapper.orm.Attribute;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;
import io.mapper.sql.TableClause;
import io.mapper.types.Types;

/** The user of SQLAlchemy's ORM quick start. */
@Entity
@Table(name = "user_account")
public class User {

    /** The metamodel the processor would generate, written by hand for the core module's tests. */
    public static final TableClause TABLE = Attribute.table("user_account");
    public static final Attribute<User, Long> ID = Attribute.of(User.class, "id", TABLE, "id", Types.BIGINT);
    public static final Attribute<User, String> NAME = Attribute.of(User.class, "name", TABLE, "name",
            Types.string(30));
    public static final Attribute<User, String> FULLNAME = Attribute.of(User.class, "fullname", TABLE, "fullname",
            Types.TEXT);

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 30, nullable = false, unique = true)
    private String name;

    @Column(length = 0)
    private String fullname;

    private User() {
    }

    public User(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFullname() {
        return fullname;
    }

    public void setFullname(String fullname) {
        this.fullname = fullname;
    }

    @Override
    public String toString() {
        return "User(id=" + id + ", name=" + name + ", fullname=" + fullname + ")";
    }
}
