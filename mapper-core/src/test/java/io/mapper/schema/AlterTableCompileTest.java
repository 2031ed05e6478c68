package io.mapper.schema;

import static io.mapper.testing.CompileAssertions.H2;
import static io.mapper.testing.CompileAssertions.MARIADB;
import static io.mapper.testing.CompileAssertions.OLD_SQLITE;
import static io.mapper.testing.CompileAssertions.POSTGRESQL;
import static io.mapper.testing.CompileAssertions.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.dialect.Dialect;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.types.Types;

/** The ALTER TABLE elements of migrations and SQLite's table rebuild, compiled per dialect. */
class AlterTableCompileTest {

    private final MetaData metadata = new MetaData();
    private final Table item = metadata.table("item",
            Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
            Column.of("code", Types.string(40)).notNull(),
            Column.of("status", Types.string(10)).notNull().serverDefault("'new'"),
            Column.of("note", Types.TEXT),
            Index.on("code"));

    @Test
    void addColumnDeclaresTheWholeColumn() {
        DdlElement add = new DdlElement.AddColumn(item.column("status"));
        assertThat(sql(add, H2)).isEqualTo("ALTER TABLE item ADD COLUMN status VARCHAR(10) DEFAULT 'new' NOT NULL");
        assertThat(sql(add, POSTGRESQL)).isEqualTo(
                "ALTER TABLE item ADD COLUMN status VARCHAR(10) DEFAULT 'new' NOT NULL");
        assertThat(sql(add, MARIADB)).isEqualTo(
                "ALTER TABLE item ADD COLUMN `status` VARCHAR(10) DEFAULT 'new' NOT NULL");
        assertThat(sql(add, SQLITE)).isEqualTo("ALTER TABLE item ADD COLUMN status VARCHAR(10) DEFAULT 'new' NOT NULL");
    }

    @Test
    void dropColumn() {
        for (Dialect dialect : List.of(H2, POSTGRESQL, MARIADB, SQLITE)) {
            assertThat(sql(new DdlElement.DropColumn(item.column("note")), dialect))
                    .isEqualTo("ALTER TABLE item DROP COLUMN note");
        }
    }

    @Test
    void typeAndNullabilityUseTheStandardFormExceptOnMariaDb() {
        DdlElement type = new DdlElement.AlterColumnType(item.column("code"));
        DdlElement nullability = new DdlElement.AlterColumnNullability(item.column("code"));
        DdlElement nullable = new DdlElement.AlterColumnNullability(item.column("note"));
        for (Dialect dialect : List.of(H2, POSTGRESQL)) {
            assertThat(sql(type, dialect)).isEqualTo("ALTER TABLE item ALTER COLUMN code SET DATA TYPE VARCHAR(40)");
            assertThat(sql(nullability, dialect)).isEqualTo("ALTER TABLE item ALTER COLUMN code SET NOT NULL");
            assertThat(sql(nullable, dialect)).isEqualTo("ALTER TABLE item ALTER COLUMN note DROP NOT NULL");
        }
        // MariaDB redefines the column, so the definition carries everything else it keeps.
        assertThat(sql(type, MARIADB)).isEqualTo("ALTER TABLE item MODIFY code VARCHAR(40) NOT NULL");
        assertThat(sql(nullable, MARIADB)).isEqualTo("ALTER TABLE item MODIFY note LONGTEXT");
    }

    @Test
    void defaultIsSetOrDropped() {
        Table other = new MetaData().table("item", Column.of("status", Types.string(10)));
        for (Dialect dialect : List.of(H2, POSTGRESQL, MARIADB)) {
            String column = dialect == MARIADB ? "`status`" : "status";
            assertThat(sql(new DdlElement.AlterColumnDefault(item.column("status")), dialect))
                    .isEqualTo("ALTER TABLE item ALTER COLUMN " + column + " SET DEFAULT 'new'");
            assertThat(sql(new DdlElement.AlterColumnDefault(other.column("status")), dialect))
                    .isEqualTo("ALTER TABLE item ALTER COLUMN " + column + " DROP DEFAULT");
        }
    }

    @Test
    void sqliteAltersNoColumnAndRebuildsTheTableInstead() {
        assertThat(SQLITE.supportsAlterColumns()).isFalse();
        assertThat(POSTGRESQL.supportsAlterColumns()).isTrue();
        assertThat(SQLITE.supportsDropColumn()).isTrue();
        assertThat(OLD_SQLITE.supportsDropColumn()).as("DROP COLUMN came with SQLite 3.35").isFalse();
        assertThatThrownBy(() -> sql(new DdlElement.AlterColumnType(item.column("code")), SQLITE))
                .isInstanceOf(UnsupportedCompilationException.class).hasMessageContaining("Rebuild the table");
        assertThat(sql(new DdlElement.RebuildTable(item, List.of("id", "code", "note")), SQLITE)).isEqualTo(
                "CREATE TABLE _mapper_new_item (id INTEGER CONSTRAINT pk_item PRIMARY KEY AUTOINCREMENT NOT NULL, "
                        + "code VARCHAR(40) NOT NULL, status VARCHAR(10) DEFAULT 'new' NOT NULL, note TEXT);\n"
                        + "INSERT INTO _mapper_new_item (id, code, note) SELECT id, code, note FROM item;\n"
                        // The AUTOINCREMENT counter is carried over, so deleted keys are not handed out again.
                        + "DELETE FROM sqlite_sequence WHERE name = '_mapper_new_item';\n"
                        + "INSERT INTO sqlite_sequence (name, seq) SELECT '_mapper_new_item', seq FROM sqlite_sequence "
                        + "WHERE name = 'item';\n"
                        + "DROP TABLE item;\n"
                        + "ALTER TABLE _mapper_new_item RENAME TO item");
    }

    @Test
    void aColumnOutsideATableCannotBeAltered() {
        assertThatThrownBy(() -> new DdlElement.AddColumn(Column.of("loose", Types.TEXT)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("'loose' belongs to no table");
    }

    @Test
    void columnTypesAreRenderedAsTheDatabaseDeclaresThem() {
        assertThat(SQLITE.newDdlCompiler().columnTypeSql(item.column("id"))).isEqualTo("INTEGER");
        assertThat(POSTGRESQL.newDdlCompiler().columnTypeSql(item.column("id"))).isEqualTo("BIGINT");
    }

    private static String sql(DdlElement element, Dialect dialect) {
        return dialect.newDdlCompiler().compile(element).sql();
    }
}
