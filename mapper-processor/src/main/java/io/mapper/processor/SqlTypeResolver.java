package io.mapper.processor;

import java.util.Map;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
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
import io.mapper.orm.annotation.Convert;
import io.mapper.orm.annotation.Json;
import io.mapper.orm.convention.TypeMapping;
import io.mapper.types.Coded;
import io.mapper.types.TypeConverter;

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
    sealed interface Result permits Resolved, Problem, Deferred {
    }

    /**
     * A type only the session factory knows (a converter registered for the Java type): no attribute, a note saying
     * why and what to use instead.
     */
    record Deferred(String note) implements Result {
    }

    /**
     * A resolved type: the attribute's (boxed) value type and the {@code SqlType} expression, both as source, and the
     * user type the expression names (an enum), which must be accessible from the metamodel class.
     */
    record Resolved(String javaType, String sqlType, @Nullable TypeElement referencedType, boolean raw)
            implements Result {

        Resolved(String javaType, String sqlType, @Nullable TypeElement referencedType) {
            this(javaType, sqlType, referencedType, false);
        }
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

    /**
     * The SQL type of a mapped field, as {@code PropertyTypes} decides it at runtime: {@code @Json}, a converter named
     * by {@code @Convert} on the field or on its type, else {@link #resolve(TypeMirror, Column)}.
     */
    Result resolveProperty(Element field, TypeMirror type, @Nullable Column column) {
        TypeMirror boxed = type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
        TypeElement element = boxed.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) boxed).asElement()
                : null;
        if (field.getAnnotation(Json.class) != null) {
            if (element == null) {
                return new Problem("@Json is for objects, lists and maps, not " + names.className(type) + ".",
                        "Remove @Json.");
            }
            String name = element.getQualifiedName().toString();
            return new Resolved(name, TYPES + "json(" + name + ".class)", element,
                    !element.getTypeParameters().isEmpty());
        }
        AnnotationMirror convert = convertAnnotation(field);
        if (convert != null) {
            TypeElement converter = converterClass(convert);
            if (converter == null) {
                return new Deferred("its converter is the one registered for its Java type on the session factory, "
                        + "which the compiler cannot see. Query it through sessions.attribute(...), or name the "
                        + "converter: @Convert(SomeConverter.class).");
            }
            return converted(element, converter, column);
        }
        if (element != null) {
            AnnotationMirror onType = convertAnnotation(element);
            TypeElement converter = onType == null ? null : converterClass(onType);
            if (converter != null) {
                return converted(element, converter, column);
            }
        }
        return withConverterHint(resolve(type, column));
    }

    private Result converted(@Nullable TypeElement valueType, TypeElement converter, @Nullable Column column) {
        DeclaredType declared = typeConverterOf(converter.asType());
        if (valueType == null || declared == null || declared.getTypeArguments().size() != 2) {
            return new Problem("its converter " + names.binaryName(converter) + " does not name its Java and storage "
                    + "types.", "Declare it as implements TypeConverter<JavaType, StorageType>.");
        }
        Result storage = resolve(types.erasure(declared.getTypeArguments().get(1)), column);
        if (!(storage instanceof Resolved resolved)) {
            return new Problem("its converter " + names.binaryName(converter) + " stores values as "
                    + declared.getTypeArguments().get(1) + ", which has no built-in SQL type.", "Convert to a "
                    + "supported type (String, numbers, BigDecimal, java.time, UUID, byte[]), or register it with "
                    + "converter(javaType, storageType, converter).");
        }
        String javaType = valueType.getQualifiedName().toString();
        return new Resolved(javaType, TYPES + "converted(" + resolved.sqlType() + ", " + javaType + ".class, new "
                + converter.getQualifiedName() + "())", converter);
    }

    /** The {@code TypeConverter<T, S>} among a type's supertypes, with its arguments substituted. */
    private @Nullable DeclaredType typeConverterOf(TypeMirror type) {
        for (TypeMirror supertype : types.directSupertypes(type)) {
            if (supertype instanceof DeclaredType declared && ((TypeElement) declared.asElement()).getQualifiedName()
                    .contentEquals(TypeConverter.class.getName())) {
                return declared;
            }
            DeclaredType found = typeConverterOf(supertype);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static @Nullable AnnotationMirror convertAnnotation(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(Convert.class.getName())) {
                return mirror;
            }
        }
        return null;
    }

    /** The class {@code @Convert} names, or null for the default (the converter registered for the Java type). */
    private static @Nullable TypeElement converterClass(AnnotationMirror convert) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : convert.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")
                    && entry.getValue().getValue() instanceof DeclaredType declared) {
                TypeElement converter = (TypeElement) declared.asElement();
                return converter.getQualifiedName().contentEquals(TypeConverter.class.getName()) ? null : converter;
            }
        }
        return null;
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
            TypeElement coded = names.elements().getTypeElement(Coded.class.getName());
            if (coded != null && types.isAssignable(types.erasure(element.asType()), types.erasure(coded.asType()))) {
                return new Resolved(name, TYPES + "enumByCode(" + name + ".class)", element);
            }
            return new Resolved(name, TYPES + "enumOf(" + name + ".class)", element);
        }
        return unsupported(type);
    }

    private Problem unsupported(TypeMirror type) {
        return new Problem("mapper has no SQL type for " + names.className(type) + ".", UNSUPPORTED_FIX);
    }

    private static final String UNSUPPORTED_FIX = "Use a supported type (numbers, String, BigDecimal, java.time, UUID, "
            + "byte[], enums), an @Embedded value object, or mark the field @Transient.";

    /** A property (not an embedded component) may also have a converter: the fix says so, as the runtime's does. */
    private static Result withConverterHint(Result result) {
        if (result instanceof Problem problem && problem.fix().equals(UNSUPPORTED_FIX)) {
            return new Problem(problem.problem(), "Use a supported type (numbers, String, BigDecimal, java.time, "
                    + "UUID, byte[], enums), an @Embedded value object, a converter (@Convert) or @Json, or mark the "
                    + "field @Transient.");
        }
        return result;
    }
}
