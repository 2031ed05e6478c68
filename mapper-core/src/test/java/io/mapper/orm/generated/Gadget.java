package io.mapper.orm.generated;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Generated;
import io.mapper.orm.annotation.GenerationTime;
import io.mapper.orm.annotation.Id;

/**
 * A row with a computed column ({@code bar = foo + 42}) and a column a server default fills in, over a table the test
 * creates with each database's DDL (SQLAlchemy's {@code ComputedDefaultsOnUpdateTest}).
 */
@Entity
public class Gadget {

    @Id
    public Long id;

    public Integer foo;

    @Generated(GenerationTime.ALWAYS)
    public Integer bar;

    @Generated
    @Column(length = 20)
    public String label;

    Gadget() {
    }

    public Gadget(long id, int foo) {
        this.id = id;
        this.foo = foo;
    }
}
