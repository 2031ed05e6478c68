package io.mapper.spring.boot.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Registers a {@link StatementRecorder} as a statement listener of the test's engine. */
@AutoConfiguration(beforeName = "io.mapper.spring.boot.autoconfigure.MapperAutoConfiguration")
public final class MapperTestAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StatementRecorder mapperStatementRecorder() {
        return new StatementRecorder();
    }
}
