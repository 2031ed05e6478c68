package io.mapper.spring.data.repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;

import io.mapper.spring.data.auditing.EnableMapperAuditing;

/**
 * The application of the repository tests: this package is its auto-configuration package (as a
 * {@code @SpringBootApplication} class would make it), auditing is on, with an auditor and a clock the tests set.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
@EnableMapperAuditing(dateTimeProviderRef = "testClock")
public class RepositoryTestApplication {

    /** Who the tests act as. */
    static final AtomicReference<String> AUDITOR = new AtomicReference<>("spongebob");

    /** The tests' current time. */
    static final AtomicReference<LocalDateTime> NOW = new AtomicReference<>(LocalDateTime.of(2024, 1, 1, 12, 0));

    @Bean
    AuditorAware<String> auditor() {
        return () -> Optional.ofNullable(AUDITOR.get());
    }

    @Bean
    DateTimeProvider testClock() {
        return () -> Optional.of(NOW.get().atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
