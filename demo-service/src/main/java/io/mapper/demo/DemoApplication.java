package io.mapper.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.resilience.annotation.EnableResilientMethods;

/** Starts the demo store: {@code ./mvnw -pl demo-service -am -DskipTests package spring-boot:run} (see docs/demo.md). */
@SpringBootApplication
@EnableConfigurationProperties(DemoProperties.class)
@EnableResilientMethods
public class DemoApplication {

    /** The clock orders and reviews are stamped with. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    public static void main(String[] args) throws IOException {
        // The default profile's SQLite database lives in ./data; SQLite creates the file but not the directory.
        Files.createDirectories(Path.of("data"));
        SpringApplication.run(DemoApplication.class, args);
    }
}
