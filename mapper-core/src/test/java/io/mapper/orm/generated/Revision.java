package io.mapper.orm.generated;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Generated;
import io.mapper.orm.annotation.GenerationTime;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Version;

/** A row whose version a trigger increments on every UPDATE: a server-side version counter. */
@Entity
public class Revision {

    @Id
    @GeneratedValue
    public Long id;

    public String body;

    @Version
    @Generated(GenerationTime.ALWAYS)
    @Column(serverDefault = "1")
    public Integer rev;

    Revision() {
    }

    public Revision(String body) {
        this.body = body;
    }
}
