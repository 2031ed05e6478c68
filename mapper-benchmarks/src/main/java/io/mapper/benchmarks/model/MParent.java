package io.mapper.benchmarks.model;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.Attribute;
import io.mapper.orm.Relation;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.Table;
import io.mapper.sql.TableClause;
import io.mapper.types.Types;

/** A mapper entity over {@code bench_parent} with its children (loaded by W6 with SELECT_IN or JOINED). */
@Entity
@Table(name = "bench_parent")
public class MParent {

    public static final TableClause TABLE = Attribute.table("bench_parent");
    public static final Attribute<MParent, Long> ID = Attribute.of(MParent.class, "id", TABLE, "id", Types.BIGINT);
    public static final Attribute<MParent, String> NAME = Attribute.of(MParent.class, "name", TABLE, "name",
            Types.string(50));
    public static final Relation<MParent, MChild> CHILDREN = Relation.of(MParent.class, "children", MChild.class);

    @Id
    @GeneratedValue
    private @Nullable Long id;

    @Column(length = 50, nullable = false)
    private String name = "";

    @OneToMany(mappedBy = "parent")
    private List<MChild> children = new ArrayList<>();

    private MParent() {
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<MChild> getChildren() {
        return children;
    }
}
