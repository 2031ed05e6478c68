package io.mapper.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;

import io.mapper.spring.data.auditing.EnableMapperAuditing;

/** Spring Data auditing for the demo's entities, with the application's {@link Clock} as the time source. */
@Configuration(proxyBeanMethods = false)
@EnableMapperAuditing(dateTimeProviderRef = "auditingDateTimeProvider")
class AuditingConfiguration {

    @Bean
    DateTimeProvider auditingDateTimeProvider(Clock clock) {
        return () -> Optional.of(LocalDateTime.now(clock));
    }
}
