package io.mapper.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.dialect.Dialect;
import io.mapper.exception.ArgumentException;
import io.mapper.testing.CompileAssertions;
import io.mapper.types.Types;

/**
 * Issue 14: names longer than a database keeps are refused when the table is declared, not only when DDL compiles.
 * A default {@code MetaData} knows no dialect, so it checks against the strictest supported limit (PostgreSQL's 63);
 * DDL still checks against its own database's limit (ReservedWordsIT).
 */
class NameLengthTest {

    @Test
    void aDeclaredNameLongerThanTheStrictestLimitIsRefusedNamingItsLengthAndTheLimits() {
        MetaData metadata = new MetaData();
        String column = "c".repeat(64);
        assertThatThrownBy(() -> metadata.table("orders", Column.of(column, Types.INTEGER)))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("The column name '" + column + "' of table 'orders' is 64 characters long")
                .hasMessageContaining("allows at most 63 (PostgreSQL's limit")
                .hasMessageContaining("PostgreSQL 63, MariaDB and MySQL 64, H2 256, SQLite none")
                .hasMessageContaining("new MetaData(namingConvention, maxNameLength)");
        assertThat(metadata.tables()).isEmpty();                  // nothing half-defined
        metadata.table("orders", Column.of("c".repeat(63), Types.INTEGER));
    }

    @Test
    void everyKindOfNameIsChecked() {
        String longName = "x".repeat(70);
        assertThatThrownBy(() -> new MetaData().table(longName, Column.of("id", Types.INTEGER)))
                .hasMessageContaining("The table name");
        assertThatThrownBy(() -> new MetaData().table(longName, "t", Column.of("id", Types.INTEGER)))
                .hasMessageContaining("The schema name");
        assertThatThrownBy(() -> new MetaData().table("t", Column.of("id", Types.INTEGER),
                UniqueConstraint.of("id").named(longName))).hasMessageContaining("The unique constraint name");
        assertThatThrownBy(() -> new MetaData().table("t", Column.of("id", Types.INTEGER),
                Index.on("id").named(longName))).hasMessageContaining("The index name");
        assertThatThrownBy(() -> new MetaData().table("t", Column.of("id", Types.INTEGER)
                .defaultSequence(Sequence.of(longName)))).hasMessageContaining("The sequence name");
    }

    @Test
    void generatedNamesAreShortenedByTheNamingConventionSoTheyPass() {
        MetaData metadata = new MetaData();
        String table = "t".repeat(40);
        metadata.table("p".repeat(40), Column.of("id", Types.INTEGER).primaryKey());
        Table child = metadata.table(table, Column.of("parent_reference_id", Types.INTEGER)
                .references("p".repeat(40) + ".id"), Index.on("parent_reference_id"));
        assertThat(child.foreignKeyConstraints().get(0).name().length()).isLessThanOrEqualTo(63);
    }

    @Test
    void aMetaDataForDatabasesWithLongerNamesRaisesTheLimitAndZeroTurnsTheCheckOff() {
        new MetaData(NamingConvention.DEFAULT, 64).table("n".repeat(64), Column.of("id", Types.INTEGER));
        assertThatThrownBy(() -> new MetaData(NamingConvention.DEFAULT, 64).table("n".repeat(65),
                Column.of("id", Types.INTEGER))).hasMessageContaining("allows at most 64. The limits");
        new MetaData(NamingConvention.DEFAULT, 0).table("n".repeat(300), Column.of("id", Types.INTEGER));
        assertThatThrownBy(() -> new MetaData(NamingConvention.DEFAULT, -1)).isInstanceOf(ArgumentException.class);
    }

    @Test
    void reflectedTablesAreNotCheckedTheirDatabaseHoldsThemAlready() {
        String h2Name = "h".repeat(100);                       // H2 keeps names of up to 256 characters
        io.mapper.schema.reflection.ReflectedTable reflected = new io.mapper.schema.reflection.ReflectedTable(h2Name,
                null, List.of(new io.mapper.schema.reflection.ReflectedColumn("id", "INTEGER", null, null, null,
                        Types.INTEGER, false, null, false, null)), null, List.of(), List.of(), List.of(), List.of(),
                null);
        io.mapper.schema.reflection.DatabaseInspector inspector = new io.mapper.schema.reflection.DatabaseInspector() {
            public List<String> tableNames() { return List.of(h2Name); }
            public List<String> viewNames() { return List.of(); }
            public io.mapper.schema.reflection.ReflectedTable table(String name) { return reflected; }
            public List<io.mapper.schema.reflection.ReflectedTable> tables() { return List.of(reflected); }
            public io.mapper.schema.reflection.DatabaseInspector schema(String schema) { return this; }
        };
        MetaData metadata = new MetaData();
        assertThat(metadata.reflect(inspector)).extracting(Table::name).containsExactly(h2Name);
        assertThatThrownBy(() -> metadata.table("h".repeat(101), Column.of("id", Types.INTEGER)))
                .isInstanceOf(ArgumentException.class);
    }

    @Test
    void thePortableLimitIsTheStrictestDialectLimit() {
        // Guards the constant and the message against drift from the dialects' own limits.
        List<Dialect> dialects = List.of(CompileAssertions.POSTGRESQL, CompileAssertions.MARIADB, CompileAssertions.H2,
                CompileAssertions.SQLITE);
        int strictest = dialects.stream().mapToInt(d -> d.identifierPreparer().maxLength()).filter(limit -> limit > 0)
                .min().orElseThrow();
        assertThat(MetaData.PORTABLE_NAME_LENGTH).isEqualTo(strictest);
        assertThat(dialects).extracting(d -> d.identifierPreparer().maxLength()).containsExactly(63, 64, 256, 0);
    }
}
