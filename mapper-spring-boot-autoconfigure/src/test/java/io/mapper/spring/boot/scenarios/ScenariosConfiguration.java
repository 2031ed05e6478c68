package io.mapper.spring.boot.scenarios;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The application of the scenario tests: its package is the auto-configuration package (so {@link ScenarioUser} is
 * the one mapped entity), and {@code @Transactional} methods are proxied, as in a {@code @SpringBootApplication}.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
@EnableTransactionManagement
public class ScenariosConfiguration {

    @Bean
    TransactionBoundaries transactionBoundaries() {
        return new TransactionBoundaries();
    }
}
