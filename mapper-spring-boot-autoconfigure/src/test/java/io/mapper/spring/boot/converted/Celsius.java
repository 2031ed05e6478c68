package io.mapper.spring.boot.converted;

/** A temperature, stored through a converter bean. */
public record Celsius(double degrees) {
}
