package io.mapper.orm.deferred;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;

/** An entity whose deferred column is a primitive, which cannot stay unset: refused at mapping time. */
@Entity
public class Gauge {

    @Id public Long id;

    @Column(deferred = true) public int reading;

    Gauge() {
    }
}
