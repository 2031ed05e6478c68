package io.mapper.spring.boot.test.app;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionOperations;
import io.mapper.spring.boot.test.MapperTest;
import io.mapper.spring.boot.test.StatementRecorder;

@MapperTest(properties = "mapper.schema=create")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapperTestSessionTest {

    @Autowired
    SessionOperations session;

    @Autowired
    SessionFactory sessionFactory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementRecorder statements;

    @Test
    @Order(1)
    void theSessionWritesInTheTestTransaction() {
        assertThat(sessionFactory.model().entity(SliceNote.class)).isPresent();
        SliceNote note = new SliceNote("rolled back");
        session.add(note);
        statements.reset();
        assertThat(session.scalars(select(SliceNote.class)).all()).containsExactly(note);
        // The autoflush INSERT and the SELECT.
        statements.assertCount(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slice_note", Long.class)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void eachTestIsRolledBack() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slice_note", Long.class)).isZero();
        assertThat(session.query(SliceNote.class).count()).isZero();
    }
}
