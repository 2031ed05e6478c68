package io.mapper.spring.data.repository.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.ExampleMatcher.StringMatcher;

import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.Sql;
import io.mapper.spring.data.repository.query.MapperEntityMetadata;

/**
 * The WHERE condition of a Query by Example probe: one condition per mapped property whose value is set (or every
 * property, as {@code IS NULL}, under {@code NullHandling.INCLUDE}), skipping ignored paths, strings matched as the
 * matcher says (exact, starting, ending, containing; optionally ignoring case; {@code LIKE} wildcards in the value
 * are escaped), combined with AND ({@code matchingAll}) or OR ({@code matchingAny}).
 */
final class ExampleConditions {

    private ExampleConditions() {
    }

    /** The condition of {@code example}, or null when the probe constrains nothing (all rows match). */
    static <T> @Nullable Condition of(Example<? extends T> example, MapperEntityMetadata<T> entity) {
        ExampleMatcher matcher = example.getMatcher();
        Mapper<T> mapper = entity.mapper();
        @SuppressWarnings("unchecked")
        T probe = (T) example.getProbe();
        List<Condition> conditions = new ArrayList<>();
        for (PropertyMapping property : mapper.properties()) {
            String path = property.path();
            if (matcher.isIgnoredPath(path)) {
                continue;
            }
            Object value = mapper.value(probe, property);
            Expression<?> column = property.column();
            if (value == null) {
                if (matcher.getNullHandler() == ExampleMatcher.NullHandler.INCLUDE) {
                    conditions.add(column.isNull());
                }
                continue;
            }
            ExampleMatcher.PropertySpecifier specifier = matcher.getPropertySpecifiers().getForPath(path);
            if (specifier != null && specifier.getPropertyValueTransformer() != null) {
                value = specifier.getPropertyValueTransformer().apply(java.util.Optional.of(value)).orElse(null);
                if (value == null) {
                    continue;
                }
            }
            conditions.add(value instanceof String text ? stringCondition(matcher, specifier, path, column, text)
                    : column.eq(value));
        }
        if (conditions.isEmpty()) {
            return null;
        }
        Condition[] all = conditions.toArray(Condition[]::new);
        return matcher.isAllMatching() ? Sql.and(all) : Sql.or(all);
    }

    @SuppressWarnings("unchecked")
    private static Condition stringCondition(ExampleMatcher matcher,
            ExampleMatcher.@Nullable PropertySpecifier specifier, String path, Expression<?> column, String value) {
        StringMatcher mode = specifier != null && specifier.getStringMatcher() != null
                ? specifier.getStringMatcher() : matcher.getDefaultStringMatcher();
        boolean ignoreCase = specifier != null && specifier.getIgnoreCase() != null ? specifier.getIgnoreCase()
                : matcher.isIgnoreCaseEnabled();
        Expression<?> subject = ignoreCase ? Sql.lower((Expression<String>) column) : column;
        String operand = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        return switch (mode) {
            case DEFAULT, EXACT -> subject.eq(operand);
            case STARTING -> subject.startsWith(operand);
            case ENDING -> subject.endsWith(operand);
            case CONTAINING -> subject.contains(operand);
            case REGEX -> throw new InvalidDataAccessApiUsageException("Query by Example cannot match '" + path
                    + "' by a regular expression: SQL has no portable REGEX. Use STARTING, ENDING, CONTAINING or "
                    + "EXACT, or a derived query.");
        };
    }
}
