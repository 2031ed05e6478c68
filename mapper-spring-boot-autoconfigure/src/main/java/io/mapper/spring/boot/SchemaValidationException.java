package io.mapper.spring.boot;

import java.util.List;

import io.mapper.exception.MapperException;

/** Raised at start-up with {@code mapper.schema=validate} when the database does not match the mapped tables. */
public final class SchemaValidationException extends MapperException {

    private final List<String> differences;

    public SchemaValidationException(List<String> differences) {
        super("The database schema does not match the mapped entities (mapper.schema=validate). To match them, "
                + "the database needs these changes:\n  - " + String.join("\n  - ", differences)
                + "\nMigrate the database (./mvnw mapper:generate-migration writes the Flyway migration), fix the "
                + "mappings, or set mapper.schema=create for a throwaway database.");
        this.differences = List.copyOf(differences);
    }

    /** What differs, as the changes a migration would make (for example {@code add column note.body}). */
    public List<String> differences() {
        return differences;
    }
}
