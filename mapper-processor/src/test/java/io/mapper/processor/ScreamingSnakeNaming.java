package io.mapper.processor;

import java.util.Locale;

import io.mapper.orm.convention.Naming;
import io.mapper.orm.convention.NamingStrategy;

/** An application's own naming strategy, for the tests of {@code -Amapper.namingStrategy}: {@code ORDER_LINE}. */
public final class ScreamingSnakeNaming implements NamingStrategy {

    /** Created by {@code NamingStrategy.of} through its class name. */
    public ScreamingSnakeNaming() {
    }

    @Override
    public String tableName(String className) {
        return columnName(className);
    }

    @Override
    public String columnName(String propertyName) {
        return Naming.snakeCase(propertyName).toUpperCase(Locale.ROOT);
    }
}
