package io.mapper.spring.boot.test.app;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mapper.engine.Engine;
import io.mapper.spring.boot.test.MapperTest;
import io.mapper.spring.boot.test.StatementRecorder;

@MapperTest(properties = "spring.sql.init.schema-locations=classpath:slice-schema.sql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapperTestSliceTest {

    @Autowired
    Engine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementRecorder statements;

    @Autowired
    ApplicationContext context;

    @Test
    @Order(1)
    void writesInsideTheTestTransaction() {
        engine.begin(conn -> conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'rolled back')")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Long.class)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void eachTestIsRolledBack() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Long.class)).isZero();
    }

    @Test
    @Order(3)
    void recorderCountsStatements() {
        statements.reset();
        engine.begin(conn -> {
            conn.execute(text("SELECT COUNT(*) FROM note")).all();
            conn.execute(text("SELECT 1")).all();
        });
        statements.assertCount(2);
        assertThat(statements.statements()).containsExactly("SELECT COUNT(*) FROM note", "SELECT 1");
        assertThatThrownBy(() -> statements.assertAtMost(1)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("SELECT 1");
    }

    @Test
    @Order(4)
    void applicationComponentsStayOut() {
        assertThat(context.getBeanNamesForType(UnrelatedService.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Engine.class)).hasSize(1);
    }
}
