package io.mapper.orm.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.JoinColumns;
import io.mapper.orm.annotation.JoinTable;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.convention.NamingStrategy;
import io.mapper.schema.MetaData;
import io.mapper.schema.reflection.ReferentialAction;

/** The columns of a reference to an entity with a composite key, and the errors of @JoinColumns that do not fit. */
class CompositeForeignKeyMappingTest {

    @Entity
    static class Parent {
        @Id @Column(name = "region") String regionCode;
        @Id Integer number;
    }

    @Entity
    static class Defaulted {
        @Id Long id;
        @ManyToOne Parent parent;
    }

    @Entity
    static class Explicit {
        @Id Long id;
        @ManyToOne
        @JoinColumns({@JoinColumn(name = "p_no", referencedColumnName = "number"),
                @JoinColumn(name = "p_region", referencedColumnName = "region", onDelete = "cascade")})
        Parent parent;
    }

    @Entity
    static class Partial {
        @Id Long id;
        @ManyToOne @JoinColumn(name = "p_region", referencedColumnName = "region") Parent parent;
    }

    @Entity
    static class NotAKey {
        @Id Long id;
        @ManyToOne
        @JoinColumn(name = "a", referencedColumnName = "region")
        @JoinColumn(name = "b", referencedColumnName = "name")
        Parent parent;
    }

    @Entity
    static class Unnamed {
        @Id Long id;
        @ManyToOne @JoinColumn(name = "a") @JoinColumn(name = "b") Parent parent;
    }

    @Entity
    static class Single {
        @Id Long id;
    }

    @Entity
    static class TwoForOne {
        @Id Long id;
        @ManyToOne @JoinColumn(name = "a") @JoinColumn(name = "b") Single single;
    }

    @Entity
    static class WrongSingle {
        @Id Long id;
        @ManyToOne @JoinColumn(name = "single_ref", referencedColumnName = "code") Single single;
    }

    @Entity
    static class OneColumnForTwo {
        @Id Long id;
        @ManyToMany @JoinTable(name = "one_for_two", inverseJoinColumn = "parent_id") java.util.Set<Parent> parents;
    }

    @Entity
    static class HalfAssociation {
        @Id Long id;
        @ManyToMany
        @JoinTable(name = "half", inverseJoinColumns = @JoinColumn(name = "p_region", referencedColumnName = "region"))
        java.util.Set<Parent> parents;
    }

    private static MapperRegistry registry(Class<?>... classes) {
        return MapperRegistry.of(new MetaData(), List.of(classes));
    }

    @Test
    void defaultColumnsAreNamedAfterTheRelationshipAndEachKeyColumn() {
        Mapper<Defaulted> mapper = registry(Parent.class, Defaulted.class).mapper(Defaulted.class);
        RelationshipMapping parent = mapper.relationship("parent");
        assertThat(parent.foreignKeys()).extracting(key -> key.column().name())
                .containsExactly("parent_region", "parent_number");
        assertThat(parent.foreignKeys()).extracting(PropertyMapping::path)
                .containsExactly("parent.region", "parent.number");
        assertThat(mapper.table().foreignKeyConstraints().get(0).referredColumnNames())
                .containsExactly("region", "number");
        assertThatThrownBy(parent::foreignKey).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("foreignKeys()");
        assertThat(parent.foreignKeyValue(new Object[] {1L, "eu", 7})).isEqualTo(List.of("eu", 7));
        assertThat(parent.foreignKeyValue(new Object[] {1L, "eu", null})).isNull();
    }

    @Test
    void aNamingStrategyNamesThemToo() {
        MapperRegistry registry = MapperRegistry.of(new MetaData(), List.of(Parent.class, Defaulted.class),
                new MappingOptions(List.of(), null, NamingStrategy.PASCAL_CASE));
        assertThat(registry.mapper(Defaulted.class).relationship("parent").foreignKeys())
                .extracting(key -> key.column().name()).containsExactly("Parentregion", "ParentNumber");
    }

    @Test
    void explicitJoinColumnsAreMatchedToTheKeyByReferencedColumnName() {
        Mapper<Explicit> mapper = registry(Parent.class, Explicit.class).mapper(Explicit.class);
        assertThat(mapper.relationship("parent").foreignKeys()).extracting(key -> key.column().name())
                .containsExactly("p_region", "p_no");
        var key = mapper.table().foreignKeyConstraints().get(0);
        assertThat(key.columnNames()).containsExactly("p_region", "p_no");
        assertThat(key.onDelete()).contains(ReferentialAction.CASCADE);
    }

    @Test
    void joinColumnsThatDoNotCoverTheKeyAreRefused() {
        assertThatThrownBy(() -> registry(Parent.class, Partial.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Partial.parent").hasMessageContaining("cover [region]")
                .hasMessageContaining("[region, number]").hasMessageContaining("for [number]");
        assertThatThrownBy(() -> registry(Parent.class, NotAKey.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'name', which is not a key column of Parent");
        assertThatThrownBy(() -> registry(Parent.class, Unnamed.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("referencedColumnName");
        assertThatThrownBy(() -> registry(Single.class, TwoForOne.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("single column 'id'");
        assertThatThrownBy(() -> registry(Single.class, WrongSingle.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'code', which is not a key column of Single");
    }

    @Test
    void associationColumnsThatDoNotFitACompositeKeyAreRefused() {
        assertThatThrownBy(() -> registry(Parent.class, OneColumnForTwo.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("inverseJoinColumn = \"parent_id\") names one column")
                .hasMessageContaining("inverseJoinColumns = {@JoinColumn(");
        assertThatThrownBy(() -> registry(Parent.class, HalfAssociation.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("covers [region] of Parent's key [region, number]")
                .hasMessageContaining("for [number]");
    }
}
