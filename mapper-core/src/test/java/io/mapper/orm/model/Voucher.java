package io.mapper.orm.model;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;

/** An entity of nothing but a database-generated key: its INSERT has no values of its own. */
@Entity
public class Voucher {

    @Id @GeneratedValue
    private @Nullable Long id;

    public @Nullable Long getId() {
        return id;
    }
}
