package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mapper.exception.DatabaseException;
import io.mapper.exception.IntegrityException;
import io.mapper.exception.OperationalException;
import io.mapper.exception.ProgrammingException;
import io.mapper.sql.TextClause;
import io.mapper.testing.BackendTest;

class ErrorTranslationIT extends BackendTest {

    private static final TextClause INSERT = text("INSERT INTO account (email, name) VALUES (:email, :name)");

    @Test
    void uniqueViolationRaisesIntegrityExceptionWithSqlButWithoutValues() {
        Schemas.createAccount(engine(), backend);
        engine().begin(conn -> conn.execute(INSERT.bind("email", "secret-sandy@example.com").bind("name", "Sandy")));

        try (Connection conn = engine().connect()) {
            assertThatThrownBy(() -> conn.execute(INSERT.bind("email", "secret-sandy@example.com")
                    .bind("name", "Sandy again")))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("INSERT INTO account (email, name) VALUES (?, ?)")
                    .hasMessageContaining("constraint")
                    .hasMessageContaining("2 parameters hidden")
                    .hasMessageNotContaining("secret-sandy@example.com")
                    .satisfies(error -> {
                        DatabaseException database = (DatabaseException) error;
                        assertThat(database.sql()).isEqualTo("INSERT INTO account (email, name) VALUES (?, ?)");
                        assertThat(database.parameters()).isEmpty();
                    });
        }
        assertThat(Schemas.countAccounts(engine())).isEqualTo(1);
    }

    @Test
    void parametersAppearOnlyWhenAsked() {
        Schemas.createAccount(engine(), backend);
        try (Engine verbose = database().newEngine().logParameters(true).build()) {
            verbose.begin(conn -> conn.execute(INSERT.bind("email", "a@example.com").bind("name", "A")));
            try (Connection conn = verbose.connect()) {
                assertThatThrownBy(() -> conn.execute(INSERT.bind("email", "a@example.com").bind("name", "B")))
                        .isInstanceOf(IntegrityException.class)
                        .hasMessageContaining("[parameters: [a@example.com, B]]")
                        .satisfies(error -> assertThat(((DatabaseException) error).parameters())
                                .containsExactly("a@example.com", "B"));
            }
        }
    }

    @Test
    void syntaxErrorRaisesProgrammingException() {
        try (Connection conn = engine().connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELEC 1")))
                    .isInstanceOf(ProgrammingException.class)
                    .hasMessageContaining("[SQL: SELEC 1]")
                    .hasMessageContaining("check the syntax");
        }
    }

    @Test
    void unknownTableRaisesProgrammingException() {
        try (Connection conn = engine().connect()) {
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM no_such_table")))
                    .isInstanceOf(ProgrammingException.class)
                    .hasMessageContaining("no_such_table");
        }
    }

    @Test
    void droppedConnectionRaisesOperationalException() throws Exception {
        try (Connection victim = engine().connect()) {
            victim.execute(text("SELECT 1")).all();
            if (backend.is("postgresql")) {
                long pid = victim.execute(text("SELECT pg_backend_pid()")).scalar(Long.class);
                try (Connection killer = engine().connect()) {
                    killer.execute(text("SELECT pg_terminate_backend(:pid)").bind("pid", (int) pid)).all();
                }
            } else if (backend.is("mariadb")) {
                long id = victim.execute(text("SELECT CONNECTION_ID()")).scalar(Long.class);
                try (Connection killer = engine().connect()) {
                    killer.execute(text("KILL " + id));
                }
            } else {
                // Embedded databases have no server to drop the connection; close it underneath mapper instead.
                victim.jdbcConnection().unwrap(java.sql.Connection.class).close();
            }
            assertThatThrownBy(() -> victim.execute(text("SELECT 1")).all())
                    .isInstanceOf(OperationalException.class)
                    .hasMessageContaining("Roll back and retry");
        }
        // The pool replaces the broken connection: the engine keeps working.
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
        }
    }
}
