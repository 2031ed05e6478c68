package io.mapper.orm.collections.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.MapKey;
import io.mapper.orm.annotation.MapKeyColumn;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.MappingException;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.schema.MetaData;

/** What the mapping accepts and refuses for map-valued one-to-many collections, without a database. */
class MapCollectionMappingTest {

    @Entity
    static class Child {
        @Id Long id;
        String code;
        int rank;
        @ManyToOne Parent parent;
    }

    @Entity
    static class Parent {
        @Id Long id;
        @OneToMany(mappedBy = "parent") @MapKey(name = "code") Map<String, Child> children;
    }

    @Entity
    static class KeyOnList {
        @Id Long id;
        @OneToMany(mappedBy = "parent") @MapKey(name = "code") List<Child> children;
    }

    @Entity
    static class UnknownAttribute {
        @Id Long id;
        @OneToMany(mappedBy = "parent") @MapKey(name = "kode") Map<String, Child> children;
    }

    @Entity
    static class RelationshipAsKey {
        @Id Long id;
        @OneToMany(mappedBy = "parent") @MapKey(name = "parent") Map<String, Child> children;
    }

    @Entity
    static class NoKey {
        @Id Long id;
        @OneToMany(mappedBy = "parent") Map<String, Child> children;
    }

    @Entity
    static class BothKeys {
        @Id Long id;
        @OneToMany(mappedBy = "parent") @MapKey(name = "code") @MapKeyColumn(name = "k") Map<String, Child> children;
    }

    @Entity
    static class WrongKeyType {
        @Id Long id;
        @OneToMany(mappedBy = "parent") @MapKey(name = "rank") Map<String, Child> children;
    }

    @Entity
    static class ManyToManyMap {
        @Id Long id;
        @ManyToMany @MapKey(name = "code") Map<String, Child> children;
    }

    @Entity
    static class ColumnKeyed {
        @Id Long id;
        @OneToMany @JoinColumn(name = "keyed_id") @MapKeyColumn Map<Integer, Child> children;
    }

    private static MapperRegistry map(Class<?>... types) {
        List<Class<?>> all = new ArrayList<>(List.of(types));
        all.add(Child.class);
        all.add(Parent.class);
        return MapperRegistry.of(new MetaData(), all);
    }

    @Test
    void aMapKeyIsForMaps() {
        assertThatThrownBy(() -> map(KeyOnList.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("KeyOnList.children").hasMessageContaining("@MapKey keys a Map")
                .hasMessageContaining("Declare it as Map<KeyType, Child>");
    }

    @Test
    void aMapKeyNamesAColumnAttributeOfTheElement() {
        assertThatThrownBy(() -> map(UnknownAttribute.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("UnknownAttribute.children")
                .hasMessageContaining("@MapKey(name = \"kode\") names no column attribute of Child");
        assertThatThrownBy(() -> map(RelationshipAsKey.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@MapKey(name = \"parent\") names no column attribute of Child");
    }

    @Test
    void aMapNeedsExactlyOneKey() {
        assertThatThrownBy(() -> map(NoKey.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("NoKey.children").hasMessageContaining("needs its key")
                .hasMessageContaining("Add @MapKey(name = ");
        assertThatThrownBy(() -> map(BothKeys.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("BothKeys.children").hasMessageContaining("both @MapKey and @MapKeyColumn");
    }

    @Test
    void theKeyTypeIsTheAttributesType() {
        assertThatThrownBy(() -> map(WrongKeyType.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("WrongKeyType.children")
                .hasMessageContaining("key type java.lang.String is not the type of Child.rank (int)")
                .hasMessageContaining("Declare it as Map<Integer, Child>");
    }

    @Test
    void aMapIsAOneToMany() {
        assertThatThrownBy(() -> map(ManyToManyMap.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("ManyToManyMap.children").hasMessageContaining("must be a @OneToMany");
    }

    @Test
    void theKeysAreResolved() {
        MapperRegistry registry = map(ColumnKeyed.class);
        RelationshipMapping attribute = registry.mapper(Parent.class).relationship("children");
        assertThat(attribute.isMap()).isTrue();
        assertThat(attribute.mapKey().path()).isEqualTo("code");
        assertThat(attribute.mapKeyColumn()).isNull();
        RelationshipMapping column = registry.mapper(ColumnKeyed.class).relationship("children");
        assertThat(column.mapKeyColumn().column().name()).isEqualTo("children_key");
        assertThat(registry.metadata().table("child").columns()).extracting(c -> c.name())
                .contains("keyed_id", "children_key");
        assertThat(registry.metadata().table("child").column("children_key").type().javaType())
                .isEqualTo(Integer.class);
    }
}
