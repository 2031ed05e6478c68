package io.mapper.orm.converters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.orm.annotation.Convert;
import io.mapper.orm.annotation.CreationTimestamp;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Generated;
import io.mapper.orm.annotation.GenerationTime;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Version;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.MappingException;
import io.mapper.orm.mapping.MappingOptions;
import io.mapper.schema.MetaData;
import io.mapper.types.ConvertedType;
import io.mapper.types.TypeConverter;
import io.mapper.types.Types;

/** How converters, {@code @Generated} and timestamps are mapped, and the mistakes refused when the factory is built. */
class ConverterMappingTest {

    @Entity
    static class Priced {
        @Id Long id;
        @Convert(MoneyConverter.class) Money price;
        @Convert Celsius temperature;
    }

    @Entity
    static class WrongConverter {
        @Id Long id;
        @Convert(MoneyConverter.class) String price;
    }

    @Entity
    static class GeneratedKey {
        @Id @Generated Long id;
    }

    @Entity
    static class InsertOnlyVersion {
        @Id Long id;
        @Version @Generated(GenerationTime.INSERT) Integer version;
    }

    @Entity
    static class TextStamp {
        @Id Long id;
        @CreationTimestamp String created;
    }

    @Entity
    static class BothStamps {
        @Id Long id;
        @CreationTimestamp @Generated Instant created;
    }

    private static Mapper<?> map(Class<?> type, MappingOptions options) {
        return MapperRegistry.of(new MetaData(), List.of(type), options).mapper(type);
    }

    @Test
    void aConverterNamedOnTheFieldOrRegisteredForTheTypeMakesAConvertedColumn() {
        MappingOptions options = new MappingOptions(List.of(new MappingOptions.RegisteredConverter(Celsius.class,
                Types.DOUBLE, TypeConverter.of(Celsius::new, Celsius::degrees))), null);
        Mapper<?> mapper = map(Priced.class, options);
        assertThat(mapper.property("price").column().type()).isInstanceOf(ConvertedType.class)
                .satisfies(type -> assertThat(type.name()).isEqualTo("NUMERIC(19, 2)"));
        assertThat(mapper.property("temperature").column().type().name()).isEqualTo("DOUBLE PRECISION");
        // A registered instance is the one @Convert(ItsClass.class) uses.
        MoneyConverter instance = new MoneyConverter();
        Mapper<?> withInstance = map(Priced.class, new MappingOptions(List.of(MappingOptions.register(instance),
                new MappingOptions.RegisteredConverter(Celsius.class, Types.DOUBLE,
                        TypeConverter.of(Celsius::new, Celsius::degrees))), null));
        assertThat(((ConvertedType<?, ?>) withInstance.property("price").column().type()).converter())
                .isSameAs(instance);
    }

    @Test
    void aConverterAskedForButNotRegisteredIsRefused() {
        assertThatThrownBy(() -> map(Priced.class, MappingOptions.DEFAULTS)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Priced.temperature").hasMessageContaining("none is")
                .hasMessageContaining("converter(...)");
    }

    @Test
    void aConverterOfAnotherJavaTypeIsRefused() {
        assertThatThrownBy(() -> map(WrongConverter.class, MappingOptions.DEFAULTS))
                .isInstanceOf(MappingException.class).hasMessageContaining(Money.class.getName())
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void aLambdaConverterNeedsItsTypesSpelledOut() {
        TypeConverter<Money, BigDecimal> lambda = TypeConverter.of(Money::new, Money::amount);
        assertThatThrownBy(() -> MappingOptions.register(lambda))
                .hasMessageContaining("converter(javaType, storageType, converter)");
    }

    @Test
    void generatedAndTimestampMistakesAreRefused() {
        assertThatThrownBy(() -> map(GeneratedKey.class, MappingOptions.DEFAULTS))
                .isInstanceOf(MappingException.class).hasMessageContaining("@GeneratedValue");
        assertThatThrownBy(() -> map(InsertOnlyVersion.class, MappingOptions.DEFAULTS))
                .isInstanceOf(MappingException.class).hasMessageContaining("GenerationTime.ALWAYS");
        assertThatThrownBy(() -> map(TextStamp.class, MappingOptions.DEFAULTS))
                .isInstanceOf(MappingException.class).hasMessageContaining("Instant");
        assertThatThrownBy(() -> map(BothStamps.class, MappingOptions.DEFAULTS))
                .isInstanceOf(MappingException.class).hasMessageContaining("Keep one");
    }
}
