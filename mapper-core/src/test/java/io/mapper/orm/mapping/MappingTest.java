package io.mapper.orm.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.mapping.MappingException;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Embeddable;
import io.mapper.orm.annotation.Embedded;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.Table;
import io.mapper.orm.annotation.Transient;
import io.mapper.orm.annotation.Version;
import io.mapper.orm.convention.Naming;
import io.mapper.orm.state.IdentityKey;
import io.mapper.schema.MetaData;
import io.mapper.types.Types;

class MappingTest {

    enum Status { ACTIVE, CLOSED }

    @Embeddable
    record Address(String street, @Column(name = "town", length = 80) String city) {
    }

    @Entity
    @Table(name = "user_account")
    static class User {
        @Id @GeneratedValue Long id;
        @Column(length = 30, nullable = false) String name;
        String fullName;
        BigDecimal balance;
        Status status;
        LocalDate birthday;
        @Embedded Address address;
        @Version long version;
        @Transient String scratch;
        transient int alsoIgnored;
        static int ignoredToo;

        private User() {
        }
    }

    @Entity
    static class OrderLine {
        @Id Long orderId;
        @Id Integer lineNo;
        int quantity;
    }

    @Entity
    static class Token {
        @Id @GeneratedValue(strategy = GenerationStrategy.UUID) UUID id;
    }

    @Entity
    static class NoId {
        String name;
    }

    @Entity
    static class BadType {
        @Id Long id;
        Thread thread;
    }

    @Entity
    static class BadVersion {
        @Id Long id;
        @Version String version;
    }

    @Entity
    static class WithRelationship {
        @Id Long id;
        @ManyToOne User owner;
    }

    static class NotAnEntity {
        @Id Long id;
    }

    @Entity
    @io.mapper.orm.annotation.Table(name = "archived", schema = "archive")
    static class InSchema {
        @Id
        Long id;
    }

    @Test
    void aTableSchemaPutsTheTableInThatSchema() {
        // Issue 14: @Table(schema) used to be dropped silently (then refused); the table now lives in the schema.
        MapperRegistry registry = registry(InSchema.class);
        assertThat(registry.mapper(InSchema.class).table().schema()).isEqualTo("archive");
        assertThat(registry.metadata().table("archive.archived")).isSameAs(registry.mapper(InSchema.class).table());
    }

    private static MapperRegistry registry(Class<?>... classes) {
        return MapperRegistry.of(new MetaData(), List.of(classes));
    }

    @Test
    void annotatedClassBecomesATable() {
        Mapper<User> mapper = registry(User.class).mapper(User.class);
        assertThat(mapper.entityName()).isEqualTo("User");
        assertThat(mapper.table().name()).isEqualTo("user_account");
        assertThat(mapper.table().columnNames()).containsExactly("id", "name", "full_name", "balance", "status",
                "birthday", "address_street", "address_town", "version");
        assertThat(mapper.table().column("name").type()).isEqualTo(Types.string(30));
        assertThat(mapper.table().column("name").isNullable()).isFalse();
        assertThat(mapper.table().column("full_name").isNullable()).isTrue();
        assertThat(mapper.table().column("balance").type()).isEqualTo(Types.numeric(19, 2));
        assertThat(mapper.table().column("status").type().javaType()).isEqualTo(Status.class);
        assertThat(mapper.table().column("address_town").type()).isEqualTo(Types.string(80));
        assertThat(mapper.table().column("version").isNullable()).isFalse();
        assertThat(mapper.primaryKey()).extracting(PropertyMapping::path).containsExactly("id");
        assertThat(mapper.primaryKey().get(0).generation()).isEqualTo(GenerationStrategy.IDENTITY);
        assertThat(mapper.version()).hasValueSatisfying(v -> assertThat(v.path()).isEqualTo("version"));
        assertThat(mapper.property("address.city").column().name()).isEqualTo("address_town");
    }

    @Test
    void valuesAndPopulateRoundTripIncludingEmbeddedValues() {
        Mapper<User> mapper = registry(User.class).mapper(User.class);
        User user = mapper.newInstance();
        mapper.populate(user, new Object[] {7, "sandy", "Sandy Cheeks", new BigDecimal("1.50"), "ACTIVE",
                LocalDate.of(2000, 1, 2), "Bikini Bottom 1", "Bikini Bottom", 3L});
        assertThat(user.id).isEqualTo(7L);
        assertThat(user.status).isEqualTo(Status.ACTIVE);
        assertThat(user.address).isEqualTo(new Address("Bikini Bottom 1", "Bikini Bottom"));
        assertThat(user.version).isEqualTo(3L);
        assertThat(mapper.values(user)).containsExactly(7L, "sandy", "Sandy Cheeks", new BigDecimal("1.50"),
                Status.ACTIVE, LocalDate.of(2000, 1, 2), "Bikini Bottom 1", "Bikini Bottom", 3L);
        assertThat(mapper.identityKey(user)).isEqualTo(new IdentityKey(User.class, 7L));
        assertThat(mapper.identityKeyOf(7)).isEqualTo(new IdentityKey(User.class, 7L));

        mapper.populate(user, new Object[] {7L, "sandy", null, null, null, null, null, null, 3L});
        assertThat(user.address).isNull();
        assertThat(mapper.values(user)[6]).isNull();
    }

    @Test
    void compositeKeysAndClientGeneratedKeys() {
        MapperRegistry registry = registry(OrderLine.class, Token.class);
        Mapper<OrderLine> lines = registry.mapper(OrderLine.class);
        assertThat(lines.table().name()).isEqualTo("order_line");
        assertThat(lines.primaryKey()).extracting(PropertyMapping::path).containsExactly("orderId", "lineNo");
        assertThat(lines.identityKeyOf(List.of(1, 2))).isEqualTo(new IdentityKey(OrderLine.class, List.of(1L, 2)));
        assertThatThrownBy(() -> lines.identityKeyOf(1L)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("composite key");
        OrderLine line = lines.newInstance();
        assertThat(lines.identityKey(line)).isNull();
        assertThat(registry.mapper(Token.class).primaryKey().get(0).generation()).isEqualTo(GenerationStrategy.UUID);
    }

    @Test
    void mappingErrorsNameTheClassThePropertyAndTheFix() {
        assertThatThrownBy(() -> registry(NoId.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("NoId").hasMessageContaining("no @Id").hasMessageContaining("Annotate");
        assertThatThrownBy(() -> registry(BadType.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("BadType.thread").hasMessageContaining("java.lang.Thread")
                .hasMessageContaining("@Transient");
        assertThatThrownBy(() -> registry(BadVersion.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("BadVersion.version").hasMessageContaining("long");
        assertThatThrownBy(() -> registry(WithRelationship.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("WithRelationship.owner");
        assertThatThrownBy(() -> registry(NotAnEntity.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@Entity");
        assertThatThrownBy(() -> registry(User.class).mapper(Token.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("not a mapped entity").hasMessageContaining("scan(");
        assertThatThrownBy(() -> registry(User.class).mapper(User.class).property("nope"))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("fullName");
    }

    @Test
    void snakeCaseNames() {
        assertThat(Naming.snakeCase("OrderLine")).isEqualTo("order_line");
        assertThat(Naming.snakeCase("fullName")).isEqualTo("full_name");
        assertThat(Naming.snakeCase("URLPath")).isEqualTo("url_path");
        assertThat(Naming.snakeCase("id")).isEqualTo("id");
        assertThat(Naming.snakeCase("line2Total")).isEqualTo("line2_total");
    }

    @Test
    void scanningFindsEntitiesInAPackage() {
        MapperRegistry registry = MapperRegistry.scan(new MetaData(), getClass().getClassLoader(),
                "io.mapper.orm.mapping.scanned");
        assertThat(registry.mappers()).extracting(Mapper::entityName).containsExactly("Scanned");
        assertThatThrownBy(() -> MapperRegistry.scan(new MetaData(), getClass().getClassLoader(), ""))
                .isInstanceOf(ArgumentException.class);
    }
}
