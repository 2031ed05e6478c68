package io.mapper.orm.scenarios;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Version;

/** A versioned row, for stale-data scenarios. */
@Entity
public class Counter {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String label;
    public int hits;
    @Version public long version;

    Counter() {
    }

    public Counter(String label) {
        this.label = label;
    }
}
