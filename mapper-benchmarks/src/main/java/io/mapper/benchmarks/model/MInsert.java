package io.mapper.benchmarks.model;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.Attribute;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;
import io.mapper.sql.TableClause;
import io.mapper.types.Types;

/** A mapper entity over {@code bench_insert}, with its metamodel written by hand. */
@Entity
@Table(name = "bench_insert")
public class MInsert {

    public static final TableClause TABLE = Attribute.table("bench_insert");
    public static final Attribute<MInsert, Long> ID = Attribute.of(MInsert.class, "id", TABLE, "id", Types.BIGINT);
    public static final Attribute<MInsert, String> NAME = Attribute.of(MInsert.class, "name", TABLE, "name",
            Types.string(50));
    public static final Attribute<MInsert, Integer> AMOUNT = Attribute.of(MInsert.class, "amount", TABLE, "amount",
            Types.INTEGER);
    public static final Attribute<MInsert, String> NOTE = Attribute.of(MInsert.class, "note", TABLE, "note",
            Types.string(100));

    @Id
    @GeneratedValue
    private @Nullable Long id;

    @Column(length = 50, nullable = false)
    private String name = "";

    @Column(nullable = false)
    private int amount;

    @Column(length = 100)
    private @Nullable String note;

    private MInsert() {
    }

    public MInsert(String name, int amount, @Nullable String note) {
        this.name = name;
        this.amount = amount;
        this.note = note;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getAmount() {
        return amount;
    }

    public void setAmount(int amount) {
        this.amount = amount;
    }

    public @Nullable String getNote() {
        return note;
    }
}
