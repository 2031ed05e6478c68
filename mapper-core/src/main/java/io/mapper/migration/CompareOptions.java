package io.mapper.migration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a {@link SchemaComparison} looks at besides tables, columns, types, nullability, keys, indexes and
 * constraints.
 *
 * @param serverDefaults whether server defaults are compared; off by default, as each database spells them its own way
 *        ({@code 'new'::character varying}, {@code current_timestamp()}) and only a normalised text is compared
 * @param ignoredTables tables of the database that are not the models' business, compared case-insensitively; by
 *        default Flyway's {@code flyway_schema_history}
 */
public record CompareOptions(boolean serverDefaults, Set<String> ignoredTables) {

    /** Flyway's own table, which no model describes. */
    public static final String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

    /** No server defaults; Flyway's history table ignored. */
    public static final CompareOptions DEFAULT = new CompareOptions(false, Set.of(FLYWAY_HISTORY_TABLE));

    public CompareOptions {
        ignoredTables = ignoredTables.stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** These options, comparing server defaults too. */
    public CompareOptions withServerDefaults(boolean compare) {
        return new CompareOptions(compare, ignoredTables);
    }

    /** These options, also ignoring the named tables. */
    public CompareOptions ignoring(String... tables) {
        return new CompareOptions(serverDefaults, Stream.concat(ignoredTables.stream(), Arrays.stream(tables))
                .collect(Collectors.toSet()));
    }

    /** Whether the named table is ignored. */
    public boolean ignores(String table) {
        return ignoredTables.contains(table.toLowerCase(Locale.ROOT));
    }
}
