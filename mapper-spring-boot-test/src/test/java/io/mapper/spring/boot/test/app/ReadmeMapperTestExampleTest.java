package io.mapper.spring.boot.test.app;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mapper.orm.Session;
import io.mapper.spring.boot.test.MapperTest;
import io.mapper.spring.boot.test.StatementRecorder;

/** The README's @MapperTest example, run as written (with this module's SliceNote for the README's Note). */
@MapperTest(properties = "mapper.schema=create")
class ReadmeMapperTestExampleTest {

    @Autowired Session session;
    @Autowired StatementRecorder statements;

    @Test
    void savesAndFindsNotes() {
        session.add(new SliceNote("first"));
        statements.reset();
        List<SliceNote> notes = session.scalars(select(SliceNote.class)).all();
        assertThat(notes).extracting(note -> note.body).containsExactly("first");
        statements.assertCount(2);
    }
}
