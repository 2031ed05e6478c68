package io.mapper.spring.boot.test.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mapper.engine.Engine;
import io.mapper.migration.MigrationCheck;
import io.mapper.schema.Column;
import io.mapper.schema.Index;
import io.mapper.schema.MetaData;
import io.mapper.spring.boot.test.MapperTest;
import io.mapper.types.Types;

/** {@link MigrationCheck} in a {@code @MapperTest}, whose test database Flyway migrated before the test. */
@MapperTest(properties = "spring.flyway.locations=classpath:migration-check")
class MigrationCheckMapperTest {

    @Autowired
    Engine engine;

    @Test
    void theMigrationsMatchTheModels() {
        MigrationCheck.assertUpToDate(engine, models(false));
    }

    @Test
    void aModelChangeWithoutItsMigrationFailsTheCheck() {
        assertThatThrownBy(() -> MigrationCheck.assertUpToDate(engine, models(true)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("add column board.archived");
    }

    private static MetaData models(boolean withArchived) {
        MetaData metadata = new MetaData();
        if (withArchived) {
            metadata.table("board",
                    Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                    Column.of("title", Types.string(80)).notNull(),
                    Column.of("archived", Types.BOOLEAN),
                    Index.on("title"));
        } else {
            metadata.table("board",
                    Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                    Column.of("title", Types.string(80)).notNull(),
                    Index.on("title"));
        }
        return metadata;
    }
}
