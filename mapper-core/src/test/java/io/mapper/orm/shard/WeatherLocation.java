package io.mapper.orm.shard;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.Attribute;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.Table;
import io.mapper.sql.TableClause;
import io.mapper.types.Types;

/** The weather location of SQLAlchemy's horizontal-shard tests: its continent decides its shard. */
@Entity
@Table(name = "weather_locations")
public class WeatherLocation {

    public static final TableClause TABLE = Attribute.table("weather_locations");
    public static final Attribute<WeatherLocation, Long> ID = Attribute.of(WeatherLocation.class, "id", TABLE, "id",
            Types.BIGINT);
    public static final Attribute<WeatherLocation, String> CONTINENT = Attribute.of(WeatherLocation.class,
            "continent", TABLE, "continent", Types.string(30));
    public static final Attribute<WeatherLocation, String> CITY = Attribute.of(WeatherLocation.class, "city", TABLE,
            "city", Types.string(50));

    @Id
    public Long id;

    @Column(length = 30, nullable = false)
    public String continent;

    @Column(length = 50, nullable = false)
    public String city;

    @OneToMany(mappedBy = "location")
    public List<Report> reports = new ArrayList<>();

    WeatherLocation() {
    }

    public WeatherLocation(long id, String continent, String city) {
        this.id = id;
        this.continent = continent;
        this.city = city;
    }

    /** Adds a report and returns this location. */
    public WeatherLocation with(Report report) {
        reports.add(report);
        report.location = this;
        return this;
    }
}
