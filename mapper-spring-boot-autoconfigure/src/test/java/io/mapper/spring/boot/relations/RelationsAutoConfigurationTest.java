package io.mapper.spring.boot.relations;

import static io.mapper.orm.Orm.lazyLoad;
import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionOperations;
import io.mapper.spring.boot.actuate.MapperEndpoint;
import io.mapper.spring.boot.autoconfigure.MapperAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperEndpointAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperMetricsAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperOrmAutoConfiguration;

/** Relationships under Spring: lazy-load metrics, the N+1 properties, and the endpoint's relationship listing. */
class RelationsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, MapperAutoConfiguration.class,
                    MapperOrmAutoConfiguration.class, MapperMetricsAutoConfiguration.class,
                    MapperEndpointAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:relations;DB_CLOSE_DELAY=-1",
                    "mapper.schema=create", "mapper.orm.packages-to-scan=io.mapper.spring.boot.relations",
                    "management.endpoints.web.exposure.include=mapper");

    @Test
    void lazyLoadsAreCountedPerEntityAndRelationship() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> meters).run(context -> {
            TransactionTemplate transactions = new TransactionTemplate(
                    context.getBean(PlatformTransactionManager.class));
            SessionOperations session = context.getBean(SessionOperations.class);
            transactions.executeWithoutResult(status -> {
                Shelf shelf = new Shelf("fiction");
                shelf.books.add(new Book("Dune"));
                shelf.books.add(new Book("Emma"));
                session.add(shelf);
            });
            transactions.executeWithoutResult(status -> {
                List<Shelf> shelves = session.scalars(select(Shelf.class).options(lazyLoad("books"))).all();
                assertThat(shelves.get(0).books).hasSize(2);
            });
            assertThat(meters.get("mapper.lazy-loads").tag("mapper.entity", "Shelf")
                    .tag("mapper.relationship", "books").counter().count()).isEqualTo(1.0);
        });
    }

    @Test
    void theInjectableSessionIsASessionWhoseTransactionsAreSprings() {
        runner.run(context -> {
            io.mapper.orm.Session session = context.getBean(io.mapper.orm.Session.class);
            assertThat(session).isSameAs(context.getBean(SessionOperations.class));
            org.assertj.core.api.Assertions.assertThatThrownBy(session::commit)
                    .isInstanceOf(io.mapper.exception.InvalidRequestException.class)
                    .hasMessageContaining("@Transactional");
            org.assertj.core.api.Assertions.assertThatThrownBy(session::beginNested)
                    .hasMessageContaining("NESTED");
            assertThat(session.factory()).isSameAs(context.getBean(SessionFactory.class));
        });
    }

    @Test
    void lazyLoadPropertiesReachTheSessionFactory() {
        runner.withPropertyValues("mapper.orm.lazy-load-warning-threshold=3", "mapper.orm.raise-on-lazy-load=true")
                .run(context -> {
                    SessionFactory factory = context.getBean(SessionFactory.class);
                    assertThat(factory.lazyLoadWarningThreshold()).isEqualTo(3);
                    assertThat(factory.raiseOnLazyLoad()).isTrue();
                });
    }

    @Test
    void endpointListsRelationshipsWithTheirLoadingStrategies() {
        runner.run(context -> {
            MapperEndpoint.MapperDescriptor descriptor = context.getBean(MapperEndpoint.class).mapper();
            MapperEndpoint.EntityDescriptor shelf = descriptor.entities().stream()
                    .filter(entity -> entity.name().equals("Shelf")).findFirst().orElseThrow();
            assertThat(shelf.relationships()).singleElement().satisfies(relationship -> {
                assertThat(relationship.property()).isEqualTo("books");
                assertThat(relationship.kind()).isEqualTo("ONE_TO_MANY");
                assertThat(relationship.target()).isEqualTo("Book");
                assertThat(relationship.loading()).isEqualTo("SELECT_IN");
            });
        });
    }
}
