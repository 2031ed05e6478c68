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

/** A mapper entity over {@code bench_item}, with its metamodel written by hand. */
@Entity
@Table(name = "bench_item")
public class MItem {

    public static final TableClause TABLE = Attribute.table("bench_item");
    public static final Attribute<MItem, Long> ID = Attribute.of(MItem.class, "id", TABLE, "id", Types.BIGINT);
    public static final Attribute<MItem, String> NAME = Attribute.of(MItem.class, "name", TABLE, "name",
            Types.string(50));
    public static final Attribute<MItem, Integer> AMOUNT = Attribute.of(MItem.class, "amount", TABLE, "amount",
            Types.INTEGER);
    public static final Attribute<MItem, String> NOTE = Attribute.of(MItem.class, "note", TABLE, "note",
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

    private MItem() {
    }

    public MItem(String name, int amount, @Nullable String note) {
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
