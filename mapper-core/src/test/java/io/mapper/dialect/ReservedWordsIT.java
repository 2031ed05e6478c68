package io.mapper.dialect;

import static io.mapper.sql.Sql.alias;
import static io.mapper.sql.Sql.count;
import static io.mapper.sql.Sql.delete;
import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.text;
import static io.mapper.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.engine.Connection;
import io.mapper.exception.CompileException;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.schema.TableElement;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.TableAlias;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Issue 14: every keyword of the database (its own list, read live where the database has one, and the list the
 * dialect was generated from) works as a column and alias name, and every reserved word as a table name: created,
 * written, queried with WHERE, GROUP BY and ORDER BY, updated and deleted through the expression language. Names
 * longer than the database allows are refused before they reach it.
 */
class ReservedWordsIT extends BackendTest {

    private List<String> keywords() {
        TreeSet<String> words = new TreeSet<>(IdentifierPreparer.wordList(ReservedWordsIT.class,
                "/io/mapper/dialect/" + backend.name() + "-keywords.txt"));
        String live = switch (backend.name()) {
            case "postgresql" -> "SELECT word FROM pg_get_keywords()";
            case "mariadb" -> "SELECT word FROM information_schema.KEYWORDS";
            default -> null;
        };
        if (live != null) {
            try (Connection conn = engine().connect()) {
                conn.execute(text(live)).scalars(String.class).all()
                        .forEach(word -> words.add(word.toLowerCase(java.util.Locale.ROOT)));
            }
        }
        words.removeIf(word -> !word.matches("[a-z_][a-z0-9_]*"));
        return new ArrayList<>(words);
    }

    @Test
    void everyKeywordIsAUsableColumnAndAliasName() {
        List<String> words = keywords();
        assertThat(words).hasSizeGreaterThan(backend.is("h2") ? 90 : 140);
        List<TableElement> columns = new ArrayList<>();
        columns.add(Column.of("kw_id", Types.INTEGER).primaryKey());
        for (String word : words) {
            columns.add(Column.of(word, Types.INTEGER));
        }
        MetaData metadata = new MetaData();
        Table table = metadata.table("kw_columns", columns.get(0),
                columns.subList(1, columns.size()).toArray(TableElement[]::new));
        metadata.createAll(engine());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kw_id", 1);
        for (int i = 0; i < words.size(); i++) {
            row.put(words.get(i), i);
        }
        engine().begin(conn -> conn.execute(insert(table).values(row)));
        List<Expression<?>> selected = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Column<?> column = table.column(words.get(i));
            selected.add(column.label(words.get(i)));
            conditions.add(column.eq(i));
        }
        try (Connection conn = engine().connect()) {
            Expression<?>[] grouped = words.stream().map(table::column).toArray(Expression[]::new);
            List<Object> values = conn.execute(select(selected.toArray()).from(table)
                    .where(conditions.toArray(Condition[]::new)).groupBy(grouped)
                    .orderBy(table.column(words.get(0)), table.column(words.get(words.size() - 1)))).one().values()
                    .subList(0, 5);
            assertThat(values).extracting(v -> ((Number) v).intValue()).containsExactly(0, 1, 2, 3, 4);
        }
        engine().begin(conn -> {
            assertThat(conn.execute(update(table).values(Map.of(words.get(0), 99))
                    .where(table.column(words.get(1)).eq(1))).rowCount()).isEqualTo(1);
            assertThat(conn.execute(delete(table).where(table.column(words.get(0)).eq(99))).rowCount()).isEqualTo(1);
        });
    }

    @Test
    void everyReservedWordIsAUsableTableName() {
        IdentifierPreparer identifiers = engine().dialect().identifierPreparer();
        List<String> reserved = keywords().stream().filter(identifiers::isReserved).toList();
        assertThat(reserved).isNotEmpty();
        MetaData metadata = new MetaData();
        List<Table> tables = new ArrayList<>();
        for (String word : reserved) {
            tables.add(metadata.table(word, Column.of(word, Types.INTEGER).primaryKey(),
                    Column.of("v", Types.INTEGER)));
        }
        metadata.createAll(engine());
        engine().begin(conn -> {
            for (Table table : tables) {
                Column<?> key = table.column(table.name());
                conn.execute(insert(table).values(Map.of(table.name(), 1, "v", 2)));
                TableAlias aliased = alias(table, table.name().equals("t") ? "u" : "t");
                assertThat(conn.execute(select(count()).from(table).where(key.eq(1)).groupBy(key).orderBy(key))
                        .scalar(Long.class)).as(table.name()).isEqualTo(1L);
                assertThat(conn.execute(select(aliased.column(table.name())).from(aliased)).scalar())
                        .as(table.name()).isNotNull();
                conn.execute(update(table).values(Map.of("v", 3)).where(key.eq(1)));
                conn.execute(delete(table).where(key.eq(1)));
            }
        });
    }

    @Test
    void aNameLongerThanTheDatabaseAllowsIsRefusedWithTheLimit() {
        int limit = engine().dialect().identifierPreparer().maxLength();
        String name = "n".repeat(limit == 0 ? 300 : limit + 1);
        // No declaration check (a default MetaData refuses names over 63 when declared, see NameLengthTest): this
        // is the check DDL makes against its own database's limit.
        MetaData metadata = new MetaData(io.mapper.schema.NamingConvention.DEFAULT, 0);
        metadata.table(name, Column.of("id", Types.INTEGER).primaryKey());
        if (limit == 0) {
            metadata.createAll(engine());
            return;
        }
        assertThatThrownBy(() -> metadata.createAll(engine())).isInstanceOf(CompileException.class)
                .hasMessageContaining("is " + (limit + 1) + " characters long")
                .hasMessageContaining("allows at most " + limit);
        MetaData fits = new MetaData(io.mapper.schema.NamingConvention.DEFAULT, limit);
        fits.table("n".repeat(limit), Column.of("id", Types.INTEGER).primaryKey());
        fits.createAll(engine());
    }
}
