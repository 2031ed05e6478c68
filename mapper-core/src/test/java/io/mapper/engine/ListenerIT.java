package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.mapper.exception.DatabaseException;
import io.mapper.exception.ProgrammingException;
import io.mapper.sql.Operation;
import io.mapper.sql.StatementKind;
import io.mapper.testing.BackendTest;

class ListenerIT extends BackendTest {

    static final class Events implements StatementListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecute(ExecutionContext context) {
            context.attributes().put("started", Boolean.TRUE);
            seen.add("before " + context.operation() + " " + context.kind() + " " + context.dialectName());
        }

        @Override
        public void afterExecute(ExecutionContext context, long elapsedNanos, long rowCount) {
            assertThat(elapsedNanos).isPositive();
            assertThat(context.attributes()).containsEntry("started", Boolean.TRUE);
            seen.add("after " + rowCount);
        }

        @Override
        public void onError(ExecutionContext context, long elapsedNanos, DatabaseException error) {
            seen.add("error " + error.getClass().getSimpleName());
        }
    }

    @Test
    void listenersHearBeforeAfterAndErrors() {
        Events events = new Events();
        engine().addListener(events);
        String dialect = engine().dialect().name();
        try (Connection conn = engine().connect()) {
            conn.execute(text("CREATE TABLE item (id INTEGER PRIMARY KEY, label VARCHAR(20))"));
            conn.execute(text("INSERT INTO item (id, label) VALUES (1, 'one')"));
            conn.execute(text("SELECT * FROM item")).all();
            assertThatThrownBy(() -> conn.execute(text("SELECT nope FROM item")))
                    .isInstanceOf(ProgrammingException.class);
        }
        assertThat(events.seen.get(0)).isEqualTo("before " + Operation.DDL + " " + StatementKind.TEXT + " " + dialect);
        assertThat(events.seen.get(1)).startsWith("after ");
        assertThat(events.seen.subList(2, events.seen.size())).containsExactly(
                "before INSERT TEXT " + dialect, "after 1",
                "before SELECT TEXT " + dialect, "after -1",
                "before SELECT TEXT " + dialect, "error ProgrammingException");
        engine().removeListener(events);
    }

    @Test
    void showSqlLogsStatementsAndHidesParametersUnlessAsked() {
        Logger sqlLog = (Logger) LoggerFactory.getLogger("io.mapper.sql");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        sqlLog.addAppender(appender);
        Level previous = sqlLog.getLevel();
        sqlLog.setLevel(Level.INFO);
        try {
            try (Engine quiet = database().newEngine().showSql(true).build(); Connection conn = quiet.connect()) {
                conn.execute(text("SELECT :secret AS x").bind("secret", "hunter2")).all();
            }
            try (Engine verbose = database().newEngine().showSql(true).logParameters(true).build();
                    Connection conn = verbose.connect()) {
                conn.execute(text("SELECT :secret AS x").bind("secret", "swordfish")).all();
            }
        } finally {
            sqlLog.detachAppender(appender);
            sqlLog.setLevel(previous);
        }
        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SELECT ? AS x").contains("1 parameter hidden"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("hunter2"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("SELECT ? AS x").contains("[swordfish]"));
    }
}
