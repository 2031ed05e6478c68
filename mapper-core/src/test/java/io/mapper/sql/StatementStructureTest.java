package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.CompileAssertions.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.compiler.CompiledStatement;
import io.mapper.types.Types;

/** Statements are immutable values: generative, equal by structure, printable, compilable per dialect. */
class StatementStructureTest {

    @Test
    void builderMethodsReturnNewStatementsAndLeaveTheOldOnesAlone() {
        Select base = select(CUSTOMER_NAME);
        Select filtered = base.where(CUSTOMER_ID.eq(1L));
        assertThat(base.whereConditions()).isEmpty();
        assertThat(filtered.whereConditions()).hasSize(1);
        assertThat(filtered.limit(5)).isNotSameAs(filtered);
        assertThat(filtered.limitParameter()).isNull();
        Insert insert = insert(TAG);
        insert.values(Map.of("id", 1L));
        assertThat(insert.rows()).isEmpty();
    }

    @Test
    void equalStructuresAreEqualWhateverTheirValues() {
        Select first = select(CUSTOMER_NAME).where(CUSTOMER_ID.eq(1L)).limit(10);
        Select second = select(CUSTOMER_NAME).where(CUSTOMER_ID.eq(2L)).limit(99);
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.cacheKey()).isEqualTo(second.cacheKey());
        Expression<Integer> shared = literal(5);
        assertThat(select(shared, shared)).isEqualTo(select(literal(5), literal(6)));
        assertThat(select(shared, shared).cacheKey()).isNotEqualTo(select(literal(5), literal(6)).cacheKey());
        assertThat(first).isNotEqualTo(select(CUSTOMER_NAME).where(CUSTOMER_ID.ne(1L)).limit(10));
        assertThat(first).isNotEqualTo(select(CUSTOMER_NAME).where(CUSTOMER_ID.eq(1L)));
        // An IN of plain values holds them in one expanding parameter: one structure for any number of values.
        assertThat(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1L, 2L)))
                .isEqualTo(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1L, 2L, 3L)));
        assertThat(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1L, 2L)).cacheKey())
                .isEqualTo(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1L, 2L, 3L)).cacheKey());
        assertThat(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1L, 2L)))
                .isNotEqualTo(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(CUSTOMER_ID, literal(2L))));
        assertThat(update(TAG).set(TAG_NAME, "a").where(TAG_ID.eq(1L)))
                .isEqualTo(update(TAG).set(TAG_NAME, "b").where(TAG_ID.eq(2L)));
        assertThat(delete(TAG).where(TAG_ID.eq(1L))).isEqualTo(delete(TAG).where(TAG_ID.eq(2L)));
        assertThat(insert(TAG).values(Map.of("id", 1L))).isEqualTo(insert(TAG).values(Map.of("id", 2L)));
        assertThat(compile(first, POSTGRESQL)).isEqualTo(compile(second, POSTGRESQL));
    }

    @Test
    void valuesMapsRenderInTableColumnOrderWhateverTheMapOrder() {
        Map<String, Object> reversed = new java.util.LinkedHashMap<>();
        reversed.put("nickname", "N");
        reversed.put("name", "A");
        reversed.put("id", 1L);
        assertThat(insert(CUSTOMER).values(reversed).toString())
                .isEqualTo("INSERT INTO customer (id, name, nickname) VALUES (:id_1, :name_1, :nickname_1)");
        assertThat(update(CUSTOMER).values(reversed).toString())
                .isEqualTo("UPDATE customer SET id = :id_1, name = :name_1, nickname = :nickname_1");
        assertThat(insert(CUSTOMER).values(reversed)).isEqualTo(insert(CUSTOMER).values(Map.of("id", 2L, "name", "B",
                "nickname", "M")));
    }

    @Test
    void expressionTypesFollowTheirParts() {
        assertThat(caseWhen(PRODUCT_STOCK.gt(0), PRODUCT_PRICE).otherwise(java.math.BigDecimal.ZERO).type())
                .isEqualTo(MONEY);
        assertThat(caseWhen(PRODUCT_STOCK.gt(0), "x").type()).isEqualTo(Types.TEXT);
        assertThat(count().type()).isEqualTo(Types.BIGINT);
        assertThat(sum(PRODUCT_STOCK).type()).isEqualTo(Types.INTEGER);
        assertThat(select(PRODUCT_PRICE).scalarSubquery().type()).isEqualTo(MONEY);
        assertThat(PRODUCT_STOCK.cast(Types.TEXT).type()).isEqualTo(Types.TEXT);
        assertThat(PRODUCT_PRICE.desc().nullsLast().toString()).isEqualTo("product.price DESC NULLS LAST");
    }

    @Test
    void parameterKeysFollowTraversalOrderAndValuesAreExtracted() {
        Select select = select(CUSTOMER_NAME).where(CUSTOMER_NAME.eq("Ann"), CUSTOMER_ID.in(3L, 4L),
                CUSTOMER_NAME.ne("Bob")).limit(2);
        assertThat(select.boundValues()).containsExactly(Map.entry("name_1", "Ann"), Map.entry("id_1", List.of(3L, 4L)),
                Map.entry("name_2", "Bob"), Map.entry("param_1", 2));
        CompiledStatement compiled = compile(select, H2);
        assertThat(compiled.parameterKeys()).containsExactly("name_1", "id_1", "name_2", "param_1");
        assertThat(compiled.parameterTypes()).containsExactly(Types.string(100), Types.BIGINT, Types.string(100),
                Types.INTEGER);
        // Written out for the values it runs with: one placeholder per value of the IN.
        CompiledStatement.Expanded expanded = compiled.expand(compiled.bindValues(select.boundValues(), Map.of()));
        assertThat(expanded.statement().parameterKeys()).containsExactly("name_1", "id_1_1", "id_1_2", "name_2",
                "param_1");
        assertThat(expanded.statement().parameterTypes()).containsExactly(Types.string(100), Types.BIGINT,
                Types.BIGINT, Types.string(100), Types.INTEGER);
        assertThat(expanded.values()).containsExactly("Ann", 3L, 4L, "Bob", 2);
        assertThat(compiled.resultColumns()).containsExactly(CUSTOMER_NAME);
        // Offset before limit in H2's syntax: the keys still name the right values.
        CompiledStatement paged = compile(select(TAG_NAME).limit(3).offset(6), H2);
        assertThat(paged.parameterKeys()).containsExactly("param_2", "param_1");
        assertThat(paged.bindValues(select(TAG_NAME).limit(3).offset(6).boundValues(), Map.of()))
                .containsExactly(6, 3);
    }

    @Test
    void toStringPrintsReadableSqlWithNamedParameters() {
        assertThat(select(CUSTOMER_NAME).where(CUSTOMER_NAME.eq("Ann"), CUSTOMER_ID.in(1L, 2L)).limit(5).toString())
                .isEqualTo("SELECT customer.name FROM customer WHERE customer.name = :name_1 AND customer.id IN "
                        + "(__[EXPANDING_id_1]) LIMIT :param_1");
        assertThat(insert(TAG).values(Map.of("name", "x")).toString()).isEqualTo("INSERT INTO tag (name) VALUES "
                + "(:name_1)");
        assertThat(update(TAG).set(TAG_NAME, "y").where(TAG_ID.eq(1L)).toString())
                .isEqualTo("UPDATE tag SET name = :name_1 WHERE tag.id = :id_1");
        assertThat(delete(TAG).where(TAG_NAME.contains("%")).toString())
                .isEqualTo("DELETE FROM tag WHERE tag.name LIKE :name_1 ESCAPE '/'");
        assertThat(CUSTOMER_ID.eq(1L).or(CUSTOMER_ID.isNull()).toString())
                .isEqualTo("customer.id = :id_1 OR customer.id IS NULL");
        assertThat(select(CUSTOMER_NAME).where(CUSTOMER_NAME.eq("secret")).toString()).doesNotContain("secret");
        assertThat(insert(TAG).values(Map.of("name", "x")).returning(TAG_ID, upper(TAG_NAME).label("loud")).toString())
                .isEqualTo("INSERT INTO tag (name) VALUES (:name_1) RETURNING id, UPPER(name) AS loud");
        assertThat(update(ORDER_LINE).set(LINE_PRICE, PRODUCT_PRICE).where(LINE_PRODUCT.eq(PRODUCT_ID)).toString())
                .isEqualTo("UPDATE order_line SET unit_price = product.price FROM product WHERE "
                        + "order_line.product_id = product.id");
    }

    @Test
    void compileForADialectGivesItsSqlAndOrderedParameters() {
        Select select = select(TAG_NAME).where(TAG_NAME.ilike("%a%")).orderBy(TAG_ID).limit(3).offset(1);
        CompiledSql postgres = select.compile(POSTGRESQL);
        assertThat(postgres.sql()).isEqualTo("SELECT tag.name FROM tag WHERE tag.name ILIKE ? ORDER BY tag.id LIMIT ? "
                + "OFFSET ?");
        assertThat(postgres.parameters()).containsExactly("%a%", 3, 1);
        CompiledSql h2 = select.compile(H2);
        assertThat(h2.sql()).isEqualTo("SELECT tag.name FROM tag WHERE tag.name ILIKE ? ORDER BY tag.id OFFSET ? ROWS "
                + "FETCH FIRST ? ROWS ONLY");
        assertThat(h2.parameters()).containsExactly("%a%", 1, 3);
        assertThat(h2.parameterKeys()).containsExactly("name_1", "param_2", "param_1");
        assertThat(List.of(select.compile(MARIADB).sql())).containsExactly("SELECT tag.name FROM tag WHERE "
                + "LOWER(tag.name) LIKE LOWER(?) ORDER BY tag.id LIMIT ? OFFSET ?");
    }
}
