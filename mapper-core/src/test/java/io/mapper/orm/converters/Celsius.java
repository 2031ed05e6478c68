package io.mapper.orm.converters;

/** A temperature; its converter is registered on the session factory, not named by an annotation. */
public record Celsius(double degrees) {
}
