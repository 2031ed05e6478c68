package io.mapper.orm.collections.maps;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.MapKey;
import io.mapper.orm.annotation.OneToMany;

/** A bidirectional one-to-many kept as a map keyed by an attribute of its elements ({@link Item#code}). */
@Entity
public class Store {

    @Id @GeneratedValue public Long id;

    @Column(length = 40) public String name;

    @OneToMany(mappedBy = "store", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    @MapKey(name = "code")
    public Map<String, Item> items = new LinkedHashMap<>();

    Store() {
    }

    public Store(String name) {
        this.name = name;
    }
}
