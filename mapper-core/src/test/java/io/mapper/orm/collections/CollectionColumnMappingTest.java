package io.mapper.orm.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.OrderColumn;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.MappingException;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.schema.MetaData;

/** What the mapping accepts and refuses for order columns and unidirectional one-to-many, without a database. */
class CollectionColumnMappingTest {

    @Entity
    static class Child {
        @Id Long id;
        Long position;
        @Column(name = "parent_ref") Long parentRef;
        @ManyToOne Parent parent;
    }

    @Entity
    static class Parent {
        @Id Long id;
        @OneToMany(mappedBy = "parent") List<Child> children;
    }

    @Entity
    static class NoMappedBy {
        @Id Long id;
        @OneToMany List<Child> children = new ArrayList<>();
    }

    @Entity
    static class OrderedSet {
        @Id Long id;
        @OneToMany @JoinColumn(name = "set_id") @OrderColumn Set<Child> children = new LinkedHashSet<>();
    }

    @Entity
    static class OrderedAndSorted {
        @Id Long id;
        @OneToMany(orderBy = "id") @JoinColumn(name = "sorted_id") @OrderColumn List<Child> children;
    }

    @Entity
    static class ClashingOrder {
        @Id Long id;
        @OneToMany @JoinColumn(name = "clash_id") @OrderColumn(name = "position") List<Child> children;
    }

    @Entity
    static class ClashingJoin {
        @Id Long id;
        @OneToMany @JoinColumn(name = "parent_ref") List<Child> children;
    }

    @Entity
    static class WithMappedBy {
        @Id Long id;
        @OneToMany(mappedBy = "parent") @JoinColumn(name = "x") List<Child> children;
    }

    @Entity
    static class Fine {
        @Id Long id;
        @OneToMany @JoinColumn(name = "fine_id") @OrderColumn List<Child> children;
    }

    private static MapperRegistry map(Class<?>... types) {
        List<Class<?>> all = new ArrayList<>(List.of(types));
        all.add(Parent.class);
        return MapperRegistry.of(new MetaData(), all);
    }

    @Test
    void aOneToManyNeedsMappedByOrAJoinColumn() {
        assertThatThrownBy(() -> MapperRegistry.of(new MetaData(), List.of(NoMappedBy.class, Child.class,
                Parent.class)))
                .isInstanceOf(MappingException.class).hasMessageContaining("NoMappedBy.children")
                .hasMessageContaining("needs either mappedBy").hasMessageContaining("@JoinColumn(name");
    }

    @Test
    void anOrderColumnIsForALists() {
        assertThatThrownBy(() -> map(Child.class, OrderedSet.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("OrderedSet.children").hasMessageContaining("keeps the order of a List");
    }

    @Test
    void anOrderColumnExcludesOrderBy() {
        assertThatThrownBy(() -> map(Child.class, OrderedAndSorted.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("both @OrderColumn and orderBy");
    }

    @Test
    void aCollectionColumnMayNotAlsoBeAnAttributeOfTheElement() {
        assertThatThrownBy(() -> map(Child.class, ClashingOrder.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("ClashingOrder.children").hasMessageContaining("'position'")
                .hasMessageContaining("also mapped by Child.position");
        assertThatThrownBy(() -> map(Child.class, ClashingJoin.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'parent_ref'").hasMessageContaining("also mapped by Child.parentRef");
    }

    @Test
    void aJoinColumnWithMappedByIsRefused() {
        assertThatThrownBy(() -> map(Child.class, WithMappedBy.class))
                .isInstanceOf(MappingException.class).hasMessageContaining("WithMappedBy.children")
                .hasMessageContaining("unidirectional form");
    }

    @Test
    void theDefaultOrderColumnIsNamedAfterTheProperty() {
        MapperRegistry registry = map(Child.class, Fine.class);
        RelationshipMapping children = registry.mapper(Fine.class).relationship("children");
        assertThat(children.isUnidirectional()).isTrue();
        assertThat(children.inverse()).isNull();
        assertThat(children.joinColumn().column().name()).isEqualTo("fine_id");
        assertThat(children.orderColumn().column().name()).isEqualTo("children_order");
        assertThat(registry.metadata().table("child").columns()).extracting(column -> column.name())
                .contains("fine_id", "children_order");
    }
}
