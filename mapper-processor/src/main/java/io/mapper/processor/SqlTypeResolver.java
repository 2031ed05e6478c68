package io.mapper.processor;

import java.util.Map;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.convention.TypeMapping;

/**
 * The SQL type of a mapped property at compile time, as source text: {@link TypeMapping}'s rules applied to
 * {@code javax.lang.model} types. The processor's tests compare every generated type with the runtime mapping's, so a
 * rule added to {@code TypeMapping} must be added here too.
 */
final class SqlTypeResolver {

    private static final String TYPES = "io.mapper.types.Types.";

    /** The fixed-type Java classes and their {@code Types} constants; String, BigDecimal and enums depend on more. */
    private static final Map<String, String> CONSTANTS = Map.ofEntries(
            Map.entry("java.lang.Long", "BIGINT"),
            Map.entry("java.lang.Integer", "INTEGER"),
            Map.entry("java.lang.Short", "SMALLINT"),
            Map.entry("java.lang.Boolean", "BOOLEAN"),
            Map.entry("java.lang.Double", "DOUBLE"),
            Map.entry("java.lang.Float", "REAL"),
            Map.entry("java.time.LocalDate", "DATE"),
            Map.entry("java.time.LocalTime", "TIME"),
            Map.entry("java.time.LocalDateTime", "TIMESTAMP"),
            Map.entry("java.time.OffsetDateTime", "TIMESTAMP_WITH_TIME_ZONE"),
            Map.entry("java.time.Instant", "INSTANT"),
            Map.entry("java.util.UUID", "UUID"));

    /** The outcome of resolving one property's type. */
    sealed interface Result permits Resolved, Problem {
    }

    /**
     * A resolved type: the attribute's (boxed) value type and the {@code SqlType} expression, both as source, and the
     * user type the expression names (an enum), which must be accessible from the metamodel class.
     */
    record Resolved(String javaType, String sqlType, @Nullable TypeElement referencedType) implements Result {
    }

    /** Why a type has no SQL type, and the fix; worded as {@code MapperBuilder} words it. */
    record Problem(String problem, String fix) implements Result {
    }

    private final Types types;
    private final Names names;

    SqlTypeResolver(Types types, Names names) {
        this.types = types;
        this.names = names;
    }

    /** The SQL type of a property of this (erased) type, or why it has none. */
    Result resolve(TypeMirror type, @Nullable Column column) {
        TypeMirror boxed = type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
        if (boxed.getKind() == TypeKind.ARRAY) {
            if (((ArrayType) boxed).getComponentType().getKind() == TypeKind.BYTE) {
                return new Resolved("byte[]", TYPES + "BLOB", null);
            }
            return unsupported(type);
        }
        if (boxed.getKind() != TypeKind.DECLARED) {
            return unsupported(type);
        }
        TypeElement element = (TypeElement) ((DeclaredType) boxed).asElement();
        String name = element.getQualifiedName().toString();
        String constant = CONSTANTS.get(name);
        if (constant != null) {
            return new Resolved(name, TYPES + constant, null);
        }
        if (name.equals("java.lang.String")) {
            int length = column == null ? TypeMapping.DEFAULT_LENGTH : column.length();
            return new Resolved(name, length <= 0 ? TYPES + "TEXT" : TYPES + "string(" + length + ")", null);
        }
        if (name.equals("java.math.BigDecimal")) {
            int precision = column == null || column.precision() <= 0 ? TypeMapping.DEFAULT_PRECISION
                    : column.precision();
            int scale = column == null ? TypeMapping.DEFAULT_SCALE : column.scale();
            if (scale < 0 || scale > precision) {
                return new Problem("NUMERIC(" + precision + ", " + scale + ") is not a valid decimal type: the "
                        + "precision must be at least 1 and the scale between 0 and the precision.",
                        "Fix @Column(precision, scale).");
            }
            return new Resolved(name, TYPES + "numeric(" + precision + ", " + scale + ")", null);
        }
        if (element.getKind() == ElementKind.ENUM) {
            boolean hasConstants = ElementFilter.fieldsIn(element.getEnclosedElements()).stream()
                    .anyMatch(field -> field.getKind() == ElementKind.ENUM_CONSTANT);
            if (!hasConstants) {
                return new Problem(names.className(type) + " has no constants; an enum column needs at least one.",
                        "Add a constant, or mark the field @Transient.");
            }
            return new Resolved(name, TYPES + "enumOf(" + name + ".class)", element);
        }
        return unsupported(type);
    }

    private Problem unsupported(TypeMirror type) {
        return new Problem("mapper has no SQL type for " + names.className(type) + ".",
                "Use a supported type (numbers, String, BigDecimal, java.time, UUID, byte[], enums), an @Embedded "
                + "value object, or mark the field @Transient.");
    }
}
