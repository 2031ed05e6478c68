package io.mapper.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.DiscriminatorColumn;
import io.mapper.orm.annotation.DiscriminatorType;
import io.mapper.orm.annotation.DiscriminatorValue;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Inheritance;
import io.mapper.orm.annotation.InheritanceType;
import io.mapper.orm.annotation.Table;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.MappingException;
import io.mapper.schema.MetaData;

/**
 * Inheritance mappings checked when the classes are mapped: the discriminator's values and column, the strategy's
 * rules, and the layout each strategy gives the hierarchy. Mirrors the configuration checks of SQLAlchemy's
 * test/orm/inheritance/test_basic.py (the "No such polymorphic_identity" and duplicate-identity cases) and
 * test_single.py's column conflicts.
 */
class InheritanceMappingTest {

    @Entity @Inheritance @DiscriminatorColumn(name = "kind") @DiscriminatorValue("animal")
    static class Animal {
        @Id @GeneratedValue Long id;
        String name;
    }

    @Entity @DiscriminatorValue("dog")
    static class Dog extends Animal {
        String breed;
    }

    @Entity
    static class Cat extends Animal {
        int lives;
    }

    @Entity @DiscriminatorValue("dog")
    static class Wolf extends Animal {
        String pack;
    }

    @Entity @DiscriminatorValue("fox")
    static class Fox extends Animal {
        @Column(name = "breed") int breedCode;
    }

    @Entity @DiscriminatorValue("kind")
    static class Kinded extends Animal {
        String kind;
    }

    @Entity @DiscriminatorValue("tabled") @Table(name = "tabled")
    static class Tabled extends Animal {
        String note;
    }

    @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorColumn(name = "code", type = DiscriminatorType.INTEGER) @DiscriminatorValue("1")
    static class Vehicle {
        @Id @GeneratedValue Long id;
    }

    @Entity @DiscriminatorValue("two")
    static class Bike extends Vehicle {
        int wheels;
    }

    @Entity @DiscriminatorValue("2")
    static class Car extends Vehicle {
        int doors;
    }

    enum Shape { CIRCLE, SQUARE }

    @Entity @Inheritance(strategy = InheritanceType.JOINED)
    @DiscriminatorColumn(name = "shape", enumType = Shape.class) @DiscriminatorValue("CIRCLE")
    static class Figure {
        @Id @GeneratedValue Long id;
    }

    @Entity @DiscriminatorValue("TRIANGLE")
    static class Triangle extends Figure {
        int corners;
    }

    @Entity @DiscriminatorValue("SQUARE")
    static class Square extends Figure {
        int side;
    }

    @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    static class Account {
        @Id @GeneratedValue Long id;
    }

    @Entity
    static class Savings extends Account {
        int rate;
    }

    private static MapperRegistry registry(Class<?>... classes) {
        return MapperRegistry.of(new MetaData(), List.of(classes));
    }

    @Test
    void singleTableHierarchySharesOneTableWithNullableSubclassColumns() {
        MapperRegistry registry = registry(Animal.class, Dog.class);
        Mapper<Dog> dog = registry.mapper(Dog.class);
        assertThat(dog.table().name()).isEqualTo("animal");
        assertThat(dog.identityType()).isEqualTo(Animal.class);
        assertThat(registry.metadata().table("animal").columns()).extracting(column -> column.name())
                .containsExactly("id", "name", "kind", "breed");
        assertThat(registry.metadata().table("animal").column("kind").isNullable()).isFalse();
        assertThat(registry.metadata().table("animal").column("breed").isNullable()).isTrue();
        assertThat(dog.inheritance().discriminatorValue()).isEqualTo("dog");
        assertThat(dog.inheritance().parent()).isSameAs(registry.mapper(Animal.class));
        assertThat(registry.mapper(Animal.class).inheritance().children()).containsExactly(dog);
    }

    @Test
    void aSubclassListedBeforeItsBaseIsMappedInTheHierarchyNotAlone() {
        // A package scan lists classes by name, so a subclass (OrderCancelled) can come before its base (OrderEvent):
        // it must not get a table of its own.
        MapperRegistry single = registry(Dog.class, Animal.class);
        assertThat(single.metadata().tables()).extracting(table -> table.name()).containsExactly("animal");
        assertThat(single.mapper(Dog.class).table().name()).isEqualTo("animal");
        assertThat(single.mapper(Dog.class).inheritance().parent()).isSameAs(single.mapper(Animal.class));

        MapperRegistry joined = registry(Square.class, Figure.class);
        assertThat(joined.metadata().tables()).extracting(table -> table.name())
                .containsExactlyInAnyOrder("figure", "square");
        assertThat(joined.mapper(Square.class).inheritance().parent()).isSameAs(joined.mapper(Figure.class));
    }

    @Test
    void aClassWithoutADiscriminatorValueIsRefused() {
        assertThatThrownBy(() -> registry(Animal.class, Cat.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Cat").hasMessageContaining("without a @DiscriminatorValue")
                .hasMessageContaining("@DiscriminatorValue(\"cat\")");
    }

    @Test
    void aRepeatedDiscriminatorValueIsRefused() {
        assertThatThrownBy(() -> registry(Animal.class, Dog.class, Wolf.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Wolf").hasMessageContaining("'dog' is also Dog's");
    }

    @Test
    void aSubclassWhoseSuperclassIsNotMappedIsRefused() {
        assertThatThrownBy(() -> registry(Dog.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Dog").hasMessageContaining("superclass")
                .hasMessageContaining("is an @Entity that is not mapped").hasMessageContaining("Map Animal too");
    }

    @Test
    void conflictingColumnsAreRefused() {
        assertThatThrownBy(() -> registry(Animal.class, Dog.class, Fox.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Fox").hasMessageContaining("column 'breed' conflicts with Dog's");
        assertThatThrownBy(() -> registry(Animal.class, Kinded.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("conflicts with the discriminator column 'kind'");
        assertThatThrownBy(() -> registry(Animal.class, Tabled.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("single-table subclass").hasMessageContaining("Remove @Table");
    }

    @Test
    void integerAndEnumDiscriminatorsAreChecked() {
        assertThatThrownBy(() -> registry(Vehicle.class, Bike.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@DiscriminatorValue(\"two\") is not an integer");
        MapperRegistry vehicles = registry(Vehicle.class, Car.class);
        assertThat(vehicles.mapper(Car.class).inheritance().discriminatorValue()).isEqualTo(2);
        assertThat(vehicles.metadata().table("vehicle").column("code").type().javaType()).isEqualTo(Integer.class);
        assertThatThrownBy(() -> registry(Figure.class, Triangle.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@DiscriminatorValue(\"TRIANGLE\") is no constant of Shape");
        MapperRegistry figures = registry(Figure.class, Square.class);
        assertThat(figures.mapper(Square.class).inheritance().discriminatorValue()).isEqualTo("SQUARE");
        assertThat(figures.metadata().table("square").column("id").references()).contains("figure.id");
    }

    @Test
    void tablePerClassRefusesDatabaseGeneratedKeys() {
        assertThatThrownBy(() -> registry(Account.class, Savings.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("each table would count its own keys")
                .hasMessageContaining("GenerationStrategy.UUID").hasMessageContaining("or assign the keys");
    }
}
