package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.MultipleResultsException;
import io.mapper.exception.NoResultException;
import io.mapper.exception.ResourceClosedException;
import io.mapper.sql.TextClause;
import io.mapper.testing.BackendTest;

class ResultIT extends BackendTest {

    record AccountView(String email, String name, BigDecimal balance) {
    }

    record Named(String fullName, long accountId) {
    }

    private static final TextClause INSERT =
            text("INSERT INTO account (email, name, balance) VALUES (:email, :name, :balance)");

    @BeforeEach
    void fill() {
        Schemas.createAccount(engine(), backend);
        engine().begin(conn -> conn.executeMany(INSERT, List.of(
                Map.of("email", "spongebob@example.com", "name", "Spongebob", "balance", new BigDecimal("10.25")),
                Map.of("email", "sandy@example.com", "name", "Sandy", "balance", new BigDecimal("99999.99")),
                Map.of("email", "patrick@example.com", "name", "Patrick", "balance", new BigDecimal("0.01")))));
    }

    @Test
    void namedParametersBindEverywhereTheyAppear() {
        try (Connection conn = engine().connect()) {
            List<Row> rows = conn.execute(text("SELECT name FROM account WHERE name = :n OR email = :e OR name = :n"),
                    Map.of("n", "Sandy", "e", "patrick@example.com")).all();
            assertThat(rows).extracting(row -> row.get("name", String.class))
                    .containsExactlyInAnyOrder("Sandy", "Patrick");
            assertThat(recorder.sql()).last().asString()
                    .isEqualTo("SELECT name FROM account WHERE name = ? OR email = ? OR name = ?");
        }
    }

    @Test
    void missingAndUnknownParametersAreNamed() {
        try (Connection conn = engine().connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM account WHERE name = :name")))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining(":name");
            assertThatThrownBy(() -> text("SELECT * FROM account WHERE name = :name").bind("nmae", "x"))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining(":nmae").hasMessageContaining(":name");
        }
    }

    @Test
    void allFirstOneAndOneOrNull() {
        try (Connection conn = engine().connect()) {
            String query = "SELECT email, name FROM account ORDER BY email";
            assertThat(conn.execute(text(query)).all()).hasSize(3);
            assertThat(conn.execute(text(query)).first()).hasValueSatisfying(
                    row -> assertThat(row.get(0)).isEqualTo("patrick@example.com"));
            assertThat(conn.execute(text("SELECT name FROM account WHERE email = :e").bind("e", "sandy@example.com"))
                    .one().get("NAME")).isEqualTo("Sandy");
            assertThat(conn.execute(text("SELECT name FROM account WHERE email = 'nobody'")).oneOrNull()).isNull();
            assertThat(conn.execute(text("SELECT name FROM account WHERE email = 'nobody'")).first()).isEmpty();
            assertThatThrownBy(() -> conn.execute(text("SELECT name FROM account WHERE email = 'nobody'")).one())
                    .isInstanceOf(NoResultException.class).hasMessageContaining("oneOrNull()");
            assertThatThrownBy(() -> conn.execute(text(query)).one())
                    .isInstanceOf(MultipleResultsException.class).hasMessageContaining("found several");
        }
    }

    @Test
    void scalarsMappingsAndRecords() {
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT COUNT(*) FROM account")).scalar(Long.class)).isEqualTo(3L);
            assertThat(conn.execute(text("SELECT name FROM account ORDER BY name")).scalars(String.class).all())
                    .containsExactly("Patrick", "Sandy", "Spongebob");
            assertThat(conn.execute(text("SELECT name, email FROM account WHERE name = 'Sandy'")).mappings().one())
                    .containsEntry("name", "Sandy").containsEntry("email", "sandy@example.com");
            List<AccountView> views = conn.execute(text("SELECT email, name, balance FROM account ORDER BY balance"))
                    .into(AccountView.class);
            assertThat(views).extracting(AccountView::balance).containsExactly(new BigDecimal("0.01"),
                    new BigDecimal("10.25"), new BigDecimal("99999.99"));
            assertThat(conn.execute(text("SELECT name AS full_name, id AS account_id FROM account WHERE name = 'Sandy'"))
                    .into(Named.class)).singleElement().extracting(Named::fullName).isEqualTo("Sandy");
            assertThatThrownBy(() -> conn.execute(text("SELECT name FROM account")).into(AccountView.class))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("email");
        }
    }

    @Test
    void rowCountAndGeneratedKeys() {
        try (Connection conn = engine().connect()) {
            Result<Row> update = conn.execute(text("UPDATE account SET balance = balance + 1 WHERE balance < :limit")
                    .bind("limit", new BigDecimal("100")));
            assertThat(update.rowCount()).isEqualTo(2);
            assertThat(update.returnsRows()).isFalse();
            assertThatThrownBy(update::all).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("returned no rows");

            Result<Row> insert = conn.execute(INSERT.bind("email", "gary@example.com").bind("name", "Gary")
                    .bind("balance", BigDecimal.ONE).returningGeneratedKeys("id"));
            assertThat(insert.generatedKeys()).hasSize(1);
            long id = insert.generatedKeys().get(0).get(0, Long.class);
            assertThat(conn.execute(text("SELECT name FROM account WHERE id = :id").bind("id", id)).scalar())
                    .isEqualTo("Gary");
            conn.commit();
        }
    }

    @Test
    void iterationClosesTheCursorAtTheEnd() {
        try (Connection conn = engine().connect()) {
            Result<Row> result = conn.execute(text("SELECT name FROM account"));
            int count = 0;
            for (Row row : result) {
                assertThat(row.size()).isEqualTo(1);
                count++;
            }
            assertThat(count).isEqualTo(3);
            assertThat(result.isClosed()).isTrue();
            assertThatThrownBy(result::all).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("This Result is closed");
        }
    }

    @Test
    void streamClosesTheResult() {
        try (Connection conn = engine().connect()) {
            Result<String> names = conn.execute(text("SELECT name FROM account ORDER BY name")).scalars(String.class);
            try (var stream = names.stream()) {
                assertThat(stream.limit(1).toList()).containsExactly("Patrick");
            }
            assertThat(names.isClosed()).isTrue();
        }
    }

    @Test
    void nonAsciiTextRoundTrips() {
        String name = "Zoë Ångström 東京 😀";
        try (Connection conn = engine().connect()) {
            conn.execute(INSERT.bind("email", "zoe@example.com").bind("name", name).bind("balance", null));
            assertThat(conn.execute(text("SELECT name FROM account WHERE email = 'zoe@example.com'"))
                    .scalar(String.class)).isEqualTo(name);
            assertThat(conn.execute(text("SELECT balance FROM account WHERE email = 'zoe@example.com'")).scalar())
                    .isNull();
        }
    }
}
