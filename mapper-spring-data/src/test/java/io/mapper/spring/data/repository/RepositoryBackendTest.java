package io.mapper.spring.data.repository;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.mapper.spring.boot.autoconfigure.MapperAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperOrmAutoConfiguration;
import io.mapper.spring.data.autoconfigure.MapperRepositoriesAutoConfiguration;
import io.mapper.testing.BackendTest;
import io.mapper.testing.SqlRecorder;

/**
 * The base of the repository tests: a Spring Boot context per test over this backend's test database, with the
 * DataSource, transaction manager, mapper and repository auto-configurations, tables created from the mapping, and
 * a recorder of the statements mapper runs.
 */
abstract class RepositoryBackendTest extends BackendTest {

    protected final SqlRecorder statements = new SqlRecorder();
    protected ApplicationContextRunner runner;

    @BeforeEach
    void createContextRunner() {
        List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + database().url(),
                "spring.datasource.hikari.maximum-pool-size=3", "mapper.schema=create"));
        if (database().user() != null) {
            properties.add("spring.datasource.username=" + database().user());
        }
        if (database().password() != null) {
            properties.add("spring.datasource.password=" + database().password());
        }
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, MapperAutoConfiguration.class,
                        MapperOrmAutoConfiguration.class, MapperRepositoriesAutoConfiguration.class))
                .withUserConfiguration(RepositoryTestApplication.class)
                .withBean(SqlRecorder.class, () -> statements)
                .withPropertyValues(properties.toArray(String[]::new));
    }

    protected static TransactionTemplate transaction(ApplicationContext context) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }
}
