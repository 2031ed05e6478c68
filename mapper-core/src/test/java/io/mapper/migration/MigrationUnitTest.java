package io.mapper.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mapper.exception.ArgumentException;
import io.mapper.types.Types;

/** What the comparison and the generator decide without a database: narrowing, defaults, versions and names. */
class MigrationUnitTest {

    @Test
    void wideningIsNotDestructiveAndNarrowingIs() {
        assertThat(SchemaComparison.narrows(Types.string(20), Types.string(40))).isFalse();
        assertThat(SchemaComparison.narrows(Types.string(40), Types.string(20))).isTrue();
        assertThat(SchemaComparison.narrows(Types.string(40), Types.TEXT)).isFalse();
        assertThat(SchemaComparison.narrows(Types.TEXT, Types.string(40))).isTrue();
        assertThat(SchemaComparison.narrows(Types.INTEGER, Types.BIGINT)).isFalse();
        assertThat(SchemaComparison.narrows(Types.BIGINT, Types.INTEGER)).isTrue();
        assertThat(SchemaComparison.narrows(Types.numeric(10, 2), Types.numeric(12, 2))).isFalse();
        assertThat(SchemaComparison.narrows(Types.numeric(12, 4), Types.numeric(12, 2))).isTrue();
        assertThat(SchemaComparison.narrows(Types.REAL, Types.DOUBLE)).isFalse();
        assertThat(SchemaComparison.narrows(Types.string(10), Types.INTEGER)).isTrue();
    }

    @Test
    void serverDefaultsAreComparedWithoutEachDatabasesSpelling() {
        assertThat(SchemaComparison.normalizeDefault(Optional.of("'new'::character varying")))
                .isEqualTo(SchemaComparison.normalizeDefault(Optional.of("'new'")));
        assertThat(SchemaComparison.normalizeDefault(Optional.of("current_timestamp()")))
                .isEqualTo(SchemaComparison.normalizeDefault(Optional.of("CURRENT_TIMESTAMP")));
        assertThat(SchemaComparison.normalizeDefault(Optional.of("(0)")))
                .isEqualTo(SchemaComparison.normalizeDefault(Optional.of("0")));
        assertThat(SchemaComparison.normalizeDefault(Optional.of("NULL"))).isEmpty();
        assertThat(SchemaComparison.normalizeDefault(Optional.of("'a'")))
                .isNotEqualTo(SchemaComparison.normalizeDefault(Optional.of("'b'")));
    }

    @Test
    void mariaDbsSpellingsOfDefaultsMatchTheModels() {
        assertThat(SchemaComparison.normalizeDefault(Optional.of("current_timestamp(6)")))
                .isEqualTo(SchemaComparison.normalizeDefault(Optional.of("CURRENT_TIMESTAMP")));
        assertThat(SchemaComparison.normalizeDefault(Optional.of("now()")))
                .isEqualTo(SchemaComparison.normalizeDefault(Optional.of("CURRENT_TIMESTAMP")));
        assertThat(SchemaComparison.normalizeDefault(Optional.of("1")))
                .isEqualTo(SchemaComparison.normalizeDefault(Optional.of("TRUE")));
        assertThat(SchemaComparison.normalizeDefault(Optional.of("0")))
                .isEqualTo(SchemaComparison.normalizeDefault(Optional.of("false")));
        assertThat(SchemaComparison.normalizeDefault(Optional.of("'5'")))
                .isEqualTo(SchemaComparison.normalizeDefault(Optional.of("5")));
        assertThat(SchemaComparison.normalizeDefault(Optional.of("1")))
                .isNotEqualTo(SchemaComparison.normalizeDefault(Optional.of("FALSE")));
    }

    @Test
    void checksAreComparedByTheirLiterals() {
        assertThat(SchemaComparison.literals("((status)::text = ANY ((ARRAY['NEW'::character varying, "
                + "'ACTIVE'::character varying])::text[]))")).containsExactlyInAnyOrder("NEW", "ACTIVE");
        assertThat(SchemaComparison.literals("\"STATUS\" IN('NEW', 'ACTIVE', 'it''s')"))
                .containsExactlyInAnyOrder("NEW", "ACTIVE", "it's");
    }

    @Test
    void aWiderNativeEnumIsNotDestructive() {
        var wider = Types.enumOf(Wider.class);
        assertThat(SchemaComparison.narrows(Types.TEXT, wider, "enum('NEW','ACTIVE')")).isFalse();
        assertThat(SchemaComparison.narrows(Types.TEXT, wider, "enum('NEW','GONE')")).isTrue();
    }

    enum Wider { NEW, ACTIVE, BLOCKED }

    @Test
    void theNextVersionFollowsTheHighestPresent(@TempDir Path location) throws IOException {
        assertThat(MigrationGenerator.nextVersion(location.resolve("missing"))).isEqualTo(1);
        assertThat(MigrationGenerator.nextVersion(location)).isEqualTo(1);
        Files.writeString(location.resolve("V1__init.sql"), "");
        Files.writeString(location.resolve("V9_1__hotfix.sql"), "");
        Files.writeString(location.resolve("V10__orders.sql"), "");
        Files.writeString(location.resolve("R__views.sql"), "");
        Files.writeString(location.resolve("V11__notes.txt"), "");
        assertThat(MigrationGenerator.nextVersion(location)).isEqualTo(11);
    }

    @Test
    void theDescriptionBecomesFlywaysFileName() {
        assertThat(MigrationGenerator.slug("Add orders & lines!")).isEqualTo("add_orders_lines");
        assertThatThrownBy(() -> MigrationGenerator.slug(" -- "))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("add orders");
    }

    @Test
    void optionsIgnoreFlywaysHistoryByDefault() {
        assertThat(CompareOptions.DEFAULT.ignores("FLYWAY_SCHEMA_HISTORY")).isTrue();
        assertThat(CompareOptions.DEFAULT.serverDefaults()).isFalse();
        CompareOptions options = CompareOptions.DEFAULT.ignoring("Audit").withServerDefaults(true);
        assertThat(options.ignores("audit")).isTrue();
        assertThat(options.ignores("flyway_schema_history")).isTrue();
        assertThat(options.serverDefaults()).isTrue();
    }
}
