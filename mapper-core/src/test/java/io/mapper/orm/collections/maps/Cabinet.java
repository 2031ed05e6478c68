package io.mapper.orm.collections.maps;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.MapKeyColumn;
import io.mapper.orm.annotation.OneToMany;

/** A bidirectional map keyed by a column no attribute maps, without DELETE_ORPHAN: removed drawers are released. */
@Entity
public class Cabinet {

    @Id @GeneratedValue public Long id;

    @Column(length = 40) public String name = "cabinet";

    @OneToMany(mappedBy = "cabinet", cascade = Cascade.ALL)
    @MapKeyColumn(name = "slot")
    public Map<Integer, Drawer> drawers = new LinkedHashMap<>();
}
