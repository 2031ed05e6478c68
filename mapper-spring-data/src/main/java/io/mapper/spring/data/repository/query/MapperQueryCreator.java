package io.mapper.spring.data.repository.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

import io.mapper.orm.mapping.Mapper;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.Sql;

/**
 * Compiles the criteria of a method name ({@code findByLastnameAndAgeGreaterThan}) into a mapper {@link Condition}
 * over the entity's mapped columns, binding the method's arguments: each part becomes a comparison, parts joined by
 * {@code And} are ANDed, and {@code Or} groups are ORed. {@link #validate} checks a tree at start-up.
 */
final class MapperQueryCreator {

    private MapperQueryCreator() {
    }

    /**
     * Checks at start-up that every part of {@code tree} names a mapped property and uses a supported keyword, and
     * that its {@code OrderBy} properties are mapped; raises naming {@code method} and the property otherwise.
     */
    static void validate(PartTree tree, MapperQueryMethod method, MapperEntityMetadata<?> entity) {
        for (Part part : tree.getParts()) {
            String path = part.getProperty().toDotPath();
            if (!entity.hasProperty(path)) {
                throw new InvalidDataAccessApiUsageException("Repository method " + method.describe()
                        + " refers to '" + path + "', which is not a mapped property of " + entity.entityName()
                        + relationshipHint(entity.mapper(), path) + "; its properties are "
                        + propertyNames(entity.mapper()) + ". Rename the method or use @Query.");
            }
            switch (part.getType()) {
                case NEAR, WITHIN, REGEX, EXISTS, IS_EMPTY, IS_NOT_EMPTY -> throw new InvalidDataAccessApiUsageException(
                        "Repository method " + method.describe() + " uses the keyword " + part.getType()
                        + " on '" + path + "', which mapper's derived queries do not support. Use @Query with SQL.");
                default -> {
                }
            }
        }
        try {
            entity.orderBy(tree.getSort());
        } catch (InvalidDataAccessApiUsageException unknown) {
            throw new InvalidDataAccessApiUsageException("Repository method " + method.describe() + ": "
                    + unknown.getMessage(), unknown);
        }
    }

    private static String relationshipHint(Mapper<?> mapper, String path) {
        String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        boolean relationship = mapper.relationships().stream().anyMatch(mapping -> mapping.name().equals(head));
        return relationship ? " ('" + head + "' is a relationship: derived queries compare the entity's own columns)"
                : "";
    }

    static List<String> propertyNames(Mapper<?> mapper) {
        return mapper.properties().stream().map(property -> property.path()).toList();
    }

    /** The WHERE condition of {@code tree} with the method's bindable {@code arguments}, or null when it has none. */
    static @Nullable Condition where(PartTree tree, MapperEntityMetadata<?> entity, Iterator<Object> arguments) {
        List<Condition> alternatives = new ArrayList<>();
        for (PartTree.OrPart orPart : tree) {
            List<Condition> all = new ArrayList<>();
            for (Part part : orPart) {
                all.add(condition(part, entity, arguments));
            }
            alternatives.add(all.size() == 1 ? all.get(0) : Sql.and(all.toArray(Condition[]::new)));
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return alternatives.size() == 1 ? alternatives.get(0) : Sql.or(alternatives.toArray(Condition[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Condition condition(Part part, MapperEntityMetadata<?> entity, Iterator<Object> arguments) {
        String path = part.getProperty().toDotPath();
        Expression<?> column = entity.column(path, "query " + entity.entityName() + " by '" + path + "'");
        boolean ignoreCase = part.shouldIgnoreCase() != Part.IgnoreCaseType.NEVER
                && part.getProperty().getLeafType() == String.class;
        Expression<?> subject = ignoreCase ? Sql.lower((Expression<String>) column) : column;
        return switch (part.getType()) {
            case SIMPLE_PROPERTY -> {
                Object value = fold(arguments.next(), ignoreCase);
                yield value == null ? column.isNull() : subject.eq(value);
            }
            case NEGATING_SIMPLE_PROPERTY -> {
                Object value = fold(arguments.next(), ignoreCase);
                yield value == null ? column.isNotNull() : subject.ne(value);
            }
            case BETWEEN -> subject.between(required(arguments.next(), part), required(arguments.next(), part));
            case LESS_THAN, BEFORE -> subject.lt(required(fold(arguments.next(), ignoreCase), part));
            case LESS_THAN_EQUAL -> subject.le(required(fold(arguments.next(), ignoreCase), part));
            case GREATER_THAN, AFTER -> subject.gt(required(fold(arguments.next(), ignoreCase), part));
            case GREATER_THAN_EQUAL -> subject.ge(required(fold(arguments.next(), ignoreCase), part));
            case LIKE -> subject.like(text(arguments.next(), part, ignoreCase));
            case NOT_LIKE -> subject.notLike(text(arguments.next(), part, ignoreCase));
            case STARTING_WITH -> subject.startsWith(text(arguments.next(), part, ignoreCase));
            case ENDING_WITH -> subject.endsWith(text(arguments.next(), part, ignoreCase));
            case CONTAINING -> subject.contains(text(arguments.next(), part, ignoreCase));
            case NOT_CONTAINING -> Sql.not(subject.contains(text(arguments.next(), part, ignoreCase)));
            case IN -> subject.in(values(arguments.next(), part, ignoreCase));
            case NOT_IN -> subject.notIn(values(arguments.next(), part, ignoreCase));
            case IS_NULL -> column.isNull();
            case IS_NOT_NULL -> column.isNotNull();
            case TRUE -> column.eq(Boolean.TRUE);
            case FALSE -> column.eq(Boolean.FALSE);
            default -> throw new InvalidDataAccessApiUsageException("Unsupported keyword " + part.getType());
        };
    }

    private static @Nullable Object fold(@Nullable Object value, boolean ignoreCase) {
        return ignoreCase && value instanceof String text ? text.toLowerCase(Locale.ROOT) : value;
    }

    private static Object required(@Nullable Object value, Part part) {
        if (value == null) {
            throw new InvalidDataAccessApiUsageException("The argument for '" + part.getProperty().toDotPath()
                    + "' (" + part.getType() + ") must not be null: a comparison with NULL matches no row.");
        }
        return value;
    }

    private static String text(@Nullable Object value, Part part, boolean ignoreCase) {
        Object text = fold(required(value, part), ignoreCase);
        return text.toString();
    }

    private static Collection<?> values(@Nullable Object value, Part part, boolean ignoreCase) {
        Object values = required(value, part);
        List<Object> list = new ArrayList<>();
        if (values instanceof Iterable<?> iterable) {
            iterable.forEach(element -> list.add(fold(element, ignoreCase)));
        } else if (values.getClass().isArray()) {
            for (Object element : (Object[]) values) {
                list.add(fold(element, ignoreCase));
            }
        } else {
            list.add(fold(values, ignoreCase));
        }
        return list;
    }
}
