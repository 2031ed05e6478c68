package io.mapper.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;

/** A newcomer's first mistake: a URL no driver on the class path accepts fails at once, naming what to add. */
class MissingDriverTest {

    @Test
    void engineCreateNamesTheDriverToAdd() {
        assertThatThrownBy(() -> Engine.create("jdbc:nosuchdatabase://localhost/app"))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("No JDBC driver on the class path accepts the URL jdbc:nosuchdatabase://localhost/app")
                .hasMessageContaining("org.postgresql:postgresql");
    }
}
