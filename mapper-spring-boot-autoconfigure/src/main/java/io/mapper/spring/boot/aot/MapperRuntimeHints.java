package io.mapper.spring.boot.aot;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What mapper itself reads reflectively or as resources: the dialects found through {@code ServiceLoader}
 * ({@code META-INF/services}), the SQL renderer, and each dialect's reserved-word list.
 */
public final class MapperRuntimeHints implements RuntimeHintsRegistrar {

    private static final String[] SERVICE_IMPLEMENTATIONS = {
        "io.mapper.dialect.postgresql.PostgresDialectProvider",
        "io.mapper.dialect.h2.H2DialectProvider",
        "io.mapper.dialect.sqlite.SqliteDialectProvider",
        "io.mapper.dialect.mysql.MySqlDialectProvider",
        "io.mapper.compiler.DisplayRenderer",
    };

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.resources().registerPattern("META-INF/services/io.mapper.dialect.DialectProvider");
        hints.resources().registerPattern("META-INF/services/io.mapper.sql.SqlRenderer");
        hints.resources().registerPattern("io/mapper/dialect/*/*reserved-words.txt");
        for (String implementation : SERVICE_IMPLEMENTATIONS) {
            hints.reflection().registerType(TypeReference.of(implementation),
                    MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        }
    }
}
