package io.mapper.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;

class ConversionsTest {

    enum Color { RED, GREEN }

    @Test
    void numbersConvertExactlyOrFail() {
        assertThat(Conversions.convert(42, Long.class)).isEqualTo(42L);
        assertThat(Conversions.convert(42L, int.class)).isEqualTo(42);
        assertThat(Conversions.convert(new BigDecimal("12.50"), BigDecimal.class)).isEqualByComparingTo("12.5");
        assertThat(Conversions.convert(7, BigDecimal.class)).isEqualByComparingTo("7");
        assertThat(Conversions.convert(new BigDecimal("3"), Long.class)).isEqualTo(3L);
        assertThatThrownBy(() -> Conversions.convert(new BigDecimal("3.5"), Long.class))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("BigDecimal").hasMessageContaining("Long");
        assertThatThrownBy(() -> Conversions.convert(Long.MAX_VALUE, Integer.class))
                .isInstanceOf(ArgumentException.class);
    }

    @Test
    void driverRepresentationsBecomeTheRequestedType() {
        assertThat(Conversions.convert(1, Boolean.class)).isTrue();
        assertThat(Conversions.convert(0L, boolean.class)).isFalse();
        assertThat(Conversions.convert("2024-02-29", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Conversions.convert("2024-02-29 10:15:30.123", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 15, 30, 123_000_000));
        assertThat(Conversions.convert(Timestamp.valueOf("2024-01-01 00:00:00"), LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        OffsetDateTime offset = OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));
        assertThat(Conversions.convert(offset, Instant.class)).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        UUID id = UUID.randomUUID();
        assertThat(Conversions.convert(id.toString(), UUID.class)).isEqualTo(id);
        assertThat(Conversions.convert("GREEN", Color.class)).isEqualTo(Color.GREEN);
        assertThat(Conversions.convert(12, String.class)).isEqualTo("12");
        assertThat(Conversions.convert(null, String.class)).isNull();
    }

    @Test
    void impossibleConversionsNameBothTypes() {
        assertThatThrownBy(() -> Conversions.convert("PURPLE", Color.class))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("PURPLE").hasMessageContaining("Color");
        assertThatThrownBy(() -> Conversions.convert(new Object(), LocalDate.class))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("java.time.LocalDate");
    }
}
