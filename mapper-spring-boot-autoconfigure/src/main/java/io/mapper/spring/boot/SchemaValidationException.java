package io.mapper.spring.boot;

import java.util.List;

import io.mapper.exception.MapperException;

/** Raised at start-up with {@code mapper.schema=validate} when the database does not match the mapped tables. */
public final class SchemaValidationException extends MapperException {

    private final List<String> differences;

    public SchemaValidationException(List<String> differences) {
        super("The database schema does not match the mapped entities (mapper.schema=validate):\n  - "
                + String.join("\n  - ", differences)
                + "\nMigrate the database (Flyway, Liquibase), fix the mappings, or set mapper.schema=create for a "
                + "throwaway database.");
        this.differences = List.copyOf(differences);
    }

    /** What differs, one entry per missing table, missing column or incompatible type. */
    public List<String> differences() {
        return differences;
    }
}
