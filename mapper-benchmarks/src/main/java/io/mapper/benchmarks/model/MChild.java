package io.mapper.benchmarks.model;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.Attribute;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.Table;
import io.mapper.sql.TableClause;
import io.mapper.types.Types;

/** A mapper entity over {@code bench_child}. */
@Entity
@Table(name = "bench_child")
public class MChild {

    public static final TableClause TABLE = Attribute.table("bench_child");
    public static final Attribute<MChild, Long> ID = Attribute.of(MChild.class, "id", TABLE, "id", Types.BIGINT);
    public static final Attribute<MChild, Long> PARENT_ID = Attribute.of(MChild.class, "parent", TABLE,
            "parent_id", Types.BIGINT);
    public static final Attribute<MChild, String> NAME = Attribute.of(MChild.class, "name", TABLE, "name",
            Types.string(50));
    public static final Attribute<MChild, Integer> AMOUNT = Attribute.of(MChild.class, "amount", TABLE, "amount",
            Types.INTEGER);

    @Id
    @GeneratedValue
    private @Nullable Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "parent_id")
    private @Nullable MParent parent;

    @Column(length = 50, nullable = false)
    private String name = "";

    @Column(nullable = false)
    private int amount;

    private MChild() {
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable MParent getParent() {
        return parent;
    }

    public String getName() {
        return name;
    }

    public int getAmount() {
        return amount;
    }
}
