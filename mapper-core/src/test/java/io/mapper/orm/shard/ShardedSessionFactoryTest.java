package io.mapper.orm.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Engine;
import io.mapper.exception.ArgumentException;

/** Configuring sharding: bad input is refused, naming the fix; no database is touched. */
class ShardedSessionFactoryTest {

    @Test
    void aFactoryNeedsAShardAndUniqueIds() {
        assertThatThrownBy(() -> ShardedSessionFactory.builder().entities(WeatherLocation.class, Report.class).build())
                .isInstanceOf(ArgumentException.class).hasMessageContaining("shard(id, engine)");
        try (Engine engine = Engine.create("jdbc:h2:mem:shards")) {
            assertThatThrownBy(() -> ShardedSessionFactory.builder().shard("a", engine).shard("a", engine))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("Two shards are named 'a'");
        }
    }

    @Test
    void aNewObjectWithoutChooserOrKeyIsRefusedWithTheFix() {
        try (Engine engine = Engine.create("jdbc:h2:mem:shards2")) {
            ShardedSessionFactory factory = ShardedSessionFactory.builder().shard("a", engine)
                    .entities(WeatherLocation.class, Report.class).build();
            try (ShardedSession session = factory.open()) {
                assertThatThrownBy(() -> session.add(new WeatherLocation(1, "Asia", "Tokyo")))
                        .isInstanceOf(ArgumentException.class).hasMessageContaining("shardChooser")
                        .hasMessageContaining("shardKey");
                assertThatThrownBy(() -> session.shard("b")).isInstanceOf(ArgumentException.class)
                        .hasMessageContaining("There is no shard 'b'").hasMessageContaining("[a]");
            }
        }
    }

    @Test
    void theShardKeyPicksTheShardOfNewObjects() {
        try (Engine east = Engine.create("jdbc:h2:mem:east"); Engine west = Engine.create("jdbc:h2:mem:west")) {
            ShardedSessionFactory factory = ShardedSessionFactory.builder().shard("east", east).shard("west", west)
                    .entities(WeatherLocation.class, Report.class)
                    .shardKey(WeatherLocation.CONTINENT, continent -> continent.equals("Asia") ? "east" : "west")
                    .build();
            try (ShardedSession session = factory.open()) {
                WeatherLocation quito = new WeatherLocation(7, "South America", "Quito");
                session.add(quito);
                assertThat(session.shardOf(quito)).isEqualTo("west");
                assertThat(session.shard("west").contains(quito)).isTrue();
                assertThat(factory.shardIds()).containsExactly("east", "west");
            }
        }
    }
}
