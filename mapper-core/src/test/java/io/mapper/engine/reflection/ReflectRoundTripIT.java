package io.mapper.engine.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.NoSuchTableException;
import io.mapper.schema.CheckConstraint;
import io.mapper.schema.Column;
import io.mapper.schema.Constraint;
import io.mapper.schema.ForeignKeyConstraint;
import io.mapper.schema.Index;
import io.mapper.schema.MetaData;
import io.mapper.schema.PrimaryKeyConstraint;
import io.mapper.schema.Table;
import io.mapper.schema.TableComment;
import io.mapper.schema.UniqueConstraint;
import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.testing.BackendTest;
import io.mapper.types.BuiltInType;
import io.mapper.types.ConvertedType;
import io.mapper.types.SqlType;
import io.mapper.types.Types;
import io.mapper.types.UnknownType;

/**
 * {@code createAll} of a metadata with every built-in type and every kind of constraint, then {@code reflect} into an
 * empty metadata, then a comparison table by table. Where a database cannot keep what was declared, the expectation
 * says what it keeps instead ({@link #expressible}); docs/reflection.md lists the same limits.
 */
class ReflectRoundTripIT extends BackendTest {

    enum Size { SMALL, MEDIUM, LARGE }

    private MetaData metadata;

    @BeforeEach
    void createAll() {
        metadata = new MetaData();
        metadata.table("category",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("parent_id", Types.BIGINT).references("category.id").onDelete(ReferentialAction.CASCADE),
                Column.of("name", Types.string(50)).notNull());
        metadata.table("item",
                TableComment.of("Every type"),
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("small_value", Types.SMALLINT),
                Column.of("int_value", Types.INTEGER).notNull().serverDefault("0"),
                Column.of("flag", Types.BOOLEAN),
                Column.of("code", Types.string(20)).notNull().comment("Stock code"),
                Column.of("status", Types.string(10)).notNull().serverDefault("'new'"),
                Column.of("body", Types.TEXT),
                Column.of("price", Types.numeric(12, 2)),
                Column.of("wide", Types.numeric(30, 10)),
                Column.of("amount", Types.NUMERIC),
                Column.of("ratio", Types.REAL),
                Column.of("score", Types.DOUBLE),
                Column.of("born_on", Types.DATE),
                Column.of("opens_at", Types.TIME),
                Column.of("created_at", Types.TIMESTAMP),
                Column.of("changed_at", Types.TIMESTAMP_WITH_TIME_ZONE),
                Column.of("seen_at", Types.INSTANT),
                Column.of("token", Types.UUID),
                Column.of("payload", Types.BLOB),
                Column.of("document", Types.JSON),
                Column.of("size", Types.enumOf(Size.class)).notNull(),
                Column.of("category_id", Types.BIGINT).references("category.id")
                        .onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE),
                UniqueConstraint.of("code", "category_id"),
                CheckConstraint.of("price >= 0").named("price_positive"),
                Index.on("created_at", "small_value"),
                Index.on("score").unique());
        metadata.table("tag",
                Column.of("id", Types.INTEGER).primaryKey().autoincrement(),
                Column.of("label", Types.string(30)).notNull().unique());
        metadata.table("item_tag",
                Column.of("item_id", Types.BIGINT).notNull(),
                Column.of("tag_id", Types.INTEGER).notNull(),
                PrimaryKeyConstraint.of("item_id", "tag_id"),
                ForeignKeyConstraint.of(List.of("item_id"), "item", List.of("id")).onDelete(ReferentialAction.CASCADE),
                ForeignKeyConstraint.of("tag_id", "tag.id").onDelete(ReferentialAction.CASCADE).named("item_tag_tag"));
        metadata.createAll(engine());
    }

    @Test
    void reflectingWhatCreateAllMadeGivesTheSameTables() {
        MetaData reflected = new MetaData();
        List<Table> added = reflected.reflect(engine());
        assertThat(added).extracting(Table::name).containsExactly("category", "item", "item_tag", "tag");
        for (Table original : metadata.tables()) {
            assertSameTable(original, reflected.table(original.name()));
        }
        // The reflected metadata is a working one: its DDL creates the same schema again.
        assertThat(reflected.sortedTables()).extracting(Table::name)
                .containsExactly("category", "item", "tag", "item_tag");
    }

    @Test
    void reflectsOnlyTheNamedTablesAndKeepsThoseAlreadyDefined() {
        MetaData reflected = new MetaData();
        assertThat(reflected.reflect(engine(), List.of("tag", "category"))).extracting(Table::name)
                .containsExactly("tag", "category");
        assertThat(reflected.tables()).extracting(Table::name).containsExactly("tag", "category");
        Table tag = reflected.table("tag");
        assertThat(reflected.reflect(engine())).extracting(Table::name).containsExactly("item", "item_tag");
        assertThat(reflected.table("tag")).isSameAs(tag);
        assertThatThrownBy(() -> new MetaData().reflect(engine(), List.of("itme")))
                .isInstanceOf(NoSuchTableException.class).hasMessageContaining("'itme'")
                .hasMessageContaining("[category, item, item_tag, tag]");
    }

    @Test
    void aReflectedMetadataCreatesTheSameSchemaElsewhere() {
        MetaData reflected = new MetaData();
        reflected.reflect(engine());
        try (var copy = backend.createDatabase()) {
            reflected.createAll(copy.engine());
            MetaData again = new MetaData();
            again.reflect(copy.engine());
            for (Table table : reflected.tables()) {
                assertSameTable(table, again.table(table.name()));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void assertSameTable(Table original, Table reflected) {
        String table = original.name();
        assertThat(reflected.columnNames()).as(table).isEqualTo(original.columnNames());
        for (Column<?> column : original.schemaColumns()) {
            Column<?> copy = reflected.column(column.name());
            String where = table + "." + column.name();
            SqlType<?> expected = expressible(column);
            if (expected == null) {
                assertThat(copy.type()).as(where).isInstanceOf(UnknownType.class);
            } else {
                assertThat(copy.type()).as(where).isEqualTo(expected);
            }
            assertThat(copy.isNullable()).as(where + " nullable").isEqualTo(column.isNullable());
            assertThat(copy.isAutoincrement()).as(where + " autoincrement").isEqualTo(column.isAutoincrement());
            assertThat(copy.serverDefault().map(this::withoutCast)).as(where + " default")
                    .isEqualTo(column.serverDefault().map(this::withoutCast));
            assertThat(copy.comment()).as(where + " comment").isEqualTo(keepsComments() ? column.comment()
                    : Optional.empty());
        }
        assertThat(reflected.comment()).as(table + " comment")
                .isEqualTo(keepsComments() ? original.comment() : Optional.empty());

        assertThat(reflected.primaryKey().map(Constraint::columnNames)).as(table + " primary key")
                .isEqualTo(original.primaryKey().map(Constraint::columnNames));
        assertThat(reflected.primaryKey().map(Constraint::name)).as(table + " primary key name")
                .isEqualTo(original.primaryKey().map(Constraint::name));
        assertThat(foreignKeys(reflected)).as(table + " foreign keys").isEqualTo(foreignKeys(original));

        Set<String> uniques = original.uniqueConstraints().stream().map(ReflectRoundTripIT::describe)
                .collect(Collectors.toCollection(HashSet::new));
        Set<String> indexes = original.indexes().stream().map(ReflectRoundTripIT::describe)
                .collect(Collectors.toCollection(HashSet::new));
        if (backend.is("mariadb")) {
            // A unique index is a unique constraint in MariaDB.
            original.indexes().stream().filter(Index::isUnique).forEach(index -> {
                indexes.remove(describe(index));
                uniques.add(index.name() + index.columnNames());
            });
        }
        assertThat(reflected.uniqueConstraints()).extracting(ReflectRoundTripIT::describe).as(table + " uniques")
                .containsExactlyInAnyOrderElementsOf(uniques);
        assertThat(reflected.indexes()).extracting(ReflectRoundTripIT::describe).as(table + " indexes")
                .containsExactlyInAnyOrderElementsOf(indexes);

        // Check conditions come back in each database's own spelling; names are kept.
        Set<String> checks = original.checkConstraints().stream()
                .filter(check -> !(backend.is("mariadb") && check.enumColumn().isPresent()))
                .map(Constraint::name).collect(Collectors.toSet());
        assertThat(reflected.checkConstraints()).extracting(Constraint::name).as(table + " checks")
                .containsExactlyInAnyOrderElementsOf(checks);
        reflected.checkConstraints().stream().filter(check -> check.name().endsWith("price_positive"))
                .forEach(check -> assertThat(check.sqlText().orElseThrow().toLowerCase()).contains("price"));
    }

    /** What the database keeps of a declared type; {@code null} where it keeps no type mapper has. */
    private SqlType<?> expressible(Column<?> column) {
        SqlType<?> type = column.type() instanceof ConvertedType<?, ?> converted ? converted.storage() : column.type();
        if (!(type instanceof BuiltInType<?> builtIn)) {
            return type;
        }
        String db = backend.name();
        return switch (builtIn.kind()) {
            // SQLite generates keys only for INTEGER PRIMARY KEY, so a BIGINT autoincrement key is declared INTEGER.
            case BIGINT -> db.equals("sqlite") && column.isAutoincrement() ? Types.INTEGER : type;
            // MariaDB uses a native ENUM column (an UnknownType when read back); the others VARCHAR plus a CHECK.
            case ENUM -> db.equals("mariadb") ? null : Types.string(builtIn.length());
            case UUID -> db.equals("sqlite") ? null : type;                         // CHAR(36)
            case JSON -> db.equals("sqlite") ? Types.TEXT : type;                   // TEXT
            case TIMESTAMP_WITH_TIME_ZONE -> db.equals("mariadb") ? Types.TIMESTAMP : type; // DATETIME(6) in UTC
            case REAL -> db.equals("mariadb") ? Types.DOUBLE : type;                // DOUBLE
            // MariaDB has no decimal without precision: mapper declares DECIMAL(65, 30), its widest.
            case NUMERIC -> db.equals("mariadb") && builtIn.precision() == null ? Types.numeric(65, 30) : type;
            default -> type;
        };
    }

    private Set<String> foreignKeys(Table table) {
        return table.foreignKeyConstraints().stream().map(key -> key.name() + key.columnNames() + "->"
                + key.referredTableName() + key.referredColumnNames() + " delete " + effective(key.onDelete())
                + " update " + effective(key.onUpdate())).collect(Collectors.toSet());
    }

    /** An action left unset is NO ACTION; MariaDB reports NO ACTION as RESTRICT, which it treats the same. */
    private ReferentialAction effective(Optional<ReferentialAction> action) {
        ReferentialAction value = action.orElse(ReferentialAction.NO_ACTION);
        return backend.is("mariadb") && value == ReferentialAction.NO_ACTION ? ReferentialAction.RESTRICT : value;
    }

    /** PostgreSQL reports {@code 'new'::character varying} for the declared {@code 'new'}. */
    private String withoutCast(String serverDefault) {
        return backend.is("postgresql") ? serverDefault.replaceAll("::[a-z ]+$", "") : serverDefault;
    }

    private boolean keepsComments() {
        return !backend.is("sqlite");
    }

    private static String describe(UniqueConstraint unique) {
        return unique.name() + unique.columnNames();
    }

    private static String describe(Index index) {
        return index.name() + index.columnNames() + (index.isUnique() ? " unique" : "");
    }
}
