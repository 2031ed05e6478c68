package io.mapper.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples of OpenTelemetry's "Generating a summary of the query", and the forms mapper's dialects render. */
class QuerySummaryTest {

    @Test
    void singleOperation() {
        assertThat(QuerySummary.of("SELECT * FROM wuser_table WHERE username = ?")).isEqualTo("SELECT wuser_table");
    }

    @Test
    void insertFromSelect() {
        assertThat(QuerySummary.of("INSERT INTO shipping_details (order_id, address) SELECT order_id, address "
                + "FROM orders WHERE order_id = ?")).isEqualTo("INSERT shipping_details SELECT orders");
    }

    @Test
    void tableListAndJoinsWithAliases() {
        assertThat(QuerySummary.of("SELECT * FROM songs, artists WHERE songs.artist_id = artists.id"))
                .isEqualTo("SELECT songs artists");
        assertThat(QuerySummary.of("SELECT o.id FROM orders AS o JOIN customers c ON o.customer_id = c.id "
                + "LEFT OUTER JOIN public.address a ON a.id = c.id")).isEqualTo("SELECT orders customers public.address");
    }

    @Test
    void anonymousTableAndQuotedNames() {
        assertThat(QuerySummary.of("SELECT order_date FROM (SELECT * FROM orders o JOIN customers c "
                + "ON o.customer_id = c.customer_id)")).isEqualTo("SELECT SELECT orders customers");
        assertThat(QuerySummary.of("SELECT * FROM \"song list\", `artists`")).isEqualTo("SELECT \"song list\" `artists`");
    }

    @Test
    void literalsCommentsAndFunctionFromsAreLeftOut() {
        assertThat(QuerySummary.of("/* hint */ SELECT EXTRACT(YEAR FROM placed_at), 'FROM secret' -- FROM x\n"
                + "FROM orders WHERE note = 'it''s' AND n > 1.5")).isEqualTo("SELECT orders");
    }

    @Test
    void writesAndUpserts() {
        assertThat(QuerySummary.of("UPDATE customer SET name = ? WHERE id = ?")).isEqualTo("UPDATE customer");
        assertThat(QuerySummary.of("DELETE FROM customer WHERE id = ?")).isEqualTo("DELETE customer");
        assertThat(QuerySummary.of("INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = "
                + "EXCLUDED.name")).isEqualTo("INSERT tag");
        assertThat(QuerySummary.of("INSERT INTO tag (name) VALUES (?) ON DUPLICATE KEY UPDATE name = VALUES(name)"))
                .isEqualTo("INSERT tag");
        assertThat(QuerySummary.of("SELECT id FROM stock WHERE id = ? FOR UPDATE")).isEqualTo("SELECT stock");
    }

    @Test
    void ddl() {
        assertThat(QuerySummary.of("CREATE TABLE IF NOT EXISTS note (id BIGINT PRIMARY KEY)"))
                .isEqualTo("CREATE TABLE note");
        assertThat(QuerySummary.of("CREATE UNIQUE INDEX ix_note_body ON note (body)"))
                .isEqualTo("CREATE UNIQUE INDEX ix_note_body");
        assertThat(QuerySummary.of("DROP TABLE IF EXISTS \"user\"")).isEqualTo("DROP TABLE \"user\"");
    }

    @Test
    void truncatedBetweenWordsAt255Characters() {
        StringBuilder sql = new StringBuilder("SELECT * FROM ");
        for (int i = 0; i < 40; i++) {
            sql.append(i == 0 ? "" : ", ").append("table_number_").append(i);
        }
        String summary = QuerySummary.of(sql.toString());
        assertThat(summary.length()).isLessThanOrEqualTo(255);
        assertThat(summary).startsWith("SELECT table_number_0 table_number_1").doesNotEndWith(" ")
                .matches(".*table_number_\\d+");
    }
}
