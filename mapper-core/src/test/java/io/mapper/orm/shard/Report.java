package io.mapper.orm.shard;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.Table;

/** A weather report of a {@link WeatherLocation}; it lives on its location's shard. */
@Entity
@Table(name = "weather_reports")
public class Report {

    @Id
    public Long id;

    public Double temperature;

    @ManyToOne
    public WeatherLocation location;

    Report() {
    }

    public Report(long id, double temperature) {
        this.id = id;
        this.temperature = temperature;
    }
}
