package io.mapper.spring.boot.converted;

import io.mapper.orm.annotation.Convert;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;

/** An entity whose temperature's converter is a Spring bean. */
@Entity
public class Reading {

    @Id
    public Long id;

    @Convert
    public Celsius temperature;
}
