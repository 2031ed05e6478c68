package io.mapper.orm.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.Dialect;
import io.mapper.dialect.postgresql.PostgresDialect;
import io.mapper.orm.annotation.ElementCollection;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.OrderColumn;
import io.mapper.orm.convention.NamingStrategy;
import io.mapper.orm.mapping.ElementCollectionMapping;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.MappingException;
import io.mapper.orm.mapping.MappingOptions;
import io.mapper.schema.DdlElement;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;

/** The collection tables' DDL, the naming defaults and the mistakes refused when the factory is built. */
class ElementCollectionMappingTest {

    private static final Dialect POSTGRES = new PostgresDialect(new DatabaseInfo("PostgreSQL", "15.4", 15, 4, ""));

    private static String ddl(MetaData metadata, String table) {
        return POSTGRES.newDdlCompiler().compile(new DdlElement.CreateTable(metadata.table(table))).sql();
    }

    @Test
    void collectionTablesAreKeyedByKindAndReferToTheirOwnerOnDeleteCascade() {
        MetaData metadata = new MetaData();
        MapperRegistry registry = MapperRegistry.of(metadata, List.of(Person.class, Wallet.class));
        assertThat(ddl(metadata, "person_nickname")).isEqualTo("CREATE TABLE person_nickname (person_id BIGINT NOT "
                + "NULL, nickname VARCHAR(40) NOT NULL, CONSTRAINT pk_person_nickname PRIMARY KEY (person_id, nickname), "
                + "CONSTRAINT fk_person_nickname_person_id_person FOREIGN KEY (person_id) REFERENCES person (id) "
                + "ON DELETE CASCADE)");
        assertThat(ddl(metadata, "person_tags")).isEqualTo("CREATE TABLE person_tags (person_id BIGINT NOT NULL, "
                + "position INTEGER NOT NULL, tag VARCHAR(40) NOT NULL, CONSTRAINT pk_person_tags PRIMARY KEY (person_id, "
                + "position), CONSTRAINT fk_person_tags_person_id_person FOREIGN KEY (person_id) REFERENCES person (id) "
                + "ON DELETE CASCADE)");
        assertThat(ddl(metadata, "person_aliases")).isEqualTo("CREATE TABLE person_aliases (person_id BIGINT NOT "
                + "NULL, alias VARCHAR(40) NOT NULL, CONSTRAINT fk_person_aliases_person_id_person FOREIGN KEY (person_id) "
                + "REFERENCES person (id) ON DELETE CASCADE)");
        assertThat(ddl(metadata, "person_address")).isEqualTo("CREATE TABLE person_address (person_id BIGINT NOT "
                + "NULL, idx INTEGER NOT NULL, street VARCHAR(60), city VARCHAR(40), CONSTRAINT pk_person_address PRIMARY KEY "
                + "(person_id, idx), CONSTRAINT fk_person_address_person_id_person FOREIGN KEY (person_id) REFERENCES "
                + "person (id) ON DELETE CASCADE)");
        assertThat(ddl(metadata, "wallet_payments")).isEqualTo("CREATE TABLE wallet_payments (wallet_id BIGINT NOT "
                + "NULL, amount NUMERIC(10, 2) NOT NULL, CONSTRAINT fk_wallet_payments_wallet_id_wallet FOREIGN KEY "
                + "(wallet_id) REFERENCES wallet (id) ON DELETE CASCADE)");
        Table bag = metadata.table("person_aliases");
        assertThat(bag.indexes()).hasSize(1);    // the bag's join column, for its SELECT ... IN
        ElementCollectionMapping nicknames = registry.mapper(Person.class).elementCollection("nicknames");
        assertThat(nicknames.kind()).isEqualTo(ElementCollectionMapping.Kind.SET);
        assertThat(registry.mapper(Person.class).elementCollection("tags").kind())
                .isEqualTo(ElementCollectionMapping.Kind.ORDERED_LIST);
        assertThat(registry.mapper(Person.class).elementCollection("aliases").kind())
                .isEqualTo(ElementCollectionMapping.Kind.BAG);
        // The collection tables are created after their owners' (foreign-key order), as any table.
        List<String> order = metadata.sortedTables().stream().map(Table::name).toList();
        assertThat(order.indexOf("person")).isLessThan(order.indexOf("person_nickname"));
    }

    @Entity
    static class Album {
        @Id Long albumId;
        @ElementCollection Set<String> genres;
    }

    @Test
    void defaultNamesFollowTheNamingStrategy() {
        MetaData snake = new MetaData();
        MapperRegistry.of(snake, List.of(Album.class));
        assertThat(snake.table("album_genres").columnNames()).containsExactly("album_id", "genres");
        MetaData pascal = new MetaData();
        MapperRegistry.of(pascal, List.of(Album.class), new MappingOptions(List.of(), null, NamingStrategy.PASCAL_CASE));
        assertThat(pascal.table("AlbumGenres").columnNames()).containsExactly("AlbumId", "Genres");
    }

    @Entity
    static class OfEntities {
        @Id Long id;
        @ElementCollection Set<Person> people;
    }

    @Entity
    static class Raw {
        @Id Long id;
        @SuppressWarnings("rawtypes")
        @ElementCollection Set names;
    }

    @Entity
    static class OrderedSet {
        @Id Long id;
        @ElementCollection @OrderColumn Set<String> names;
    }

    @Entity
    static class NotACollection {
        @Id Long id;
        @ElementCollection String[] names;
    }

    @Test
    void mistakesAreRefusedNamingTheFix() {
        assertThatThrownBy(() -> MapperRegistry.of(new MetaData(), List.of(OfEntities.class, Person.class)))
                .isInstanceOf(MappingException.class).hasMessageContaining("OfEntities")
                .hasMessageContaining("people").hasMessageContaining("@OneToMany");
        assertThatThrownBy(() -> MapperRegistry.of(new MetaData(), List.of(Raw.class)))
                .isInstanceOf(MappingException.class).hasMessageContaining("raw")
                .hasMessageContaining("Set<String>");
        assertThatThrownBy(() -> MapperRegistry.of(new MetaData(), List.of(OrderedSet.class)))
                .isInstanceOf(MappingException.class).hasMessageContaining("@OrderColumn");
        assertThatThrownBy(() -> MapperRegistry.of(new MetaData(), List.of(NotACollection.class)))
                .isInstanceOf(MappingException.class).hasMessageContaining("List, Set or Collection");
    }
}
