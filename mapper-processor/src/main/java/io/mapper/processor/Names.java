package io.mapper.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Names of compile-time types as the runtime prints them ({@code Class.getName()}, {@code Class.getSimpleName()}), so
 * the processor's messages read like {@code MapperBuilder}'s, and the accessibility rule of generated references.
 */
final class Names {

    private final Elements elements;

    Names(Elements elements) {
        this.elements = elements;
    }

    /** The compiler's element utilities. */
    Elements elements() {
        return elements;
    }

    /** {@code Class.getName()}: {@code com.example.Outer$Inner}, {@code int}, {@code [Ljava.lang.String;}. */
    String className(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return "[" + descriptor(((ArrayType) type).getComponentType());
        }
        if (type.getKind() == TypeKind.DECLARED) {
            return binaryName((TypeElement) ((DeclaredType) type).asElement());
        }
        return type.toString();
    }

    /** {@code Class.getSimpleName()}: {@code Inner}, {@code int}, {@code byte[]}. */
    String simpleName(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return simpleName(((ArrayType) type).getComponentType()) + "[]";
        }
        if (type.getKind() == TypeKind.DECLARED) {
            return ((DeclaredType) type).asElement().getSimpleName().toString();
        }
        return type.toString();
    }

    /** {@code Class.getName()} of a class: the binary name, with {@code $} between nested names. */
    String binaryName(TypeElement type) {
        return elements.getBinaryName(type).toString();
    }

    /** The package of a type, empty for the unnamed package. */
    String packageName(Element element) {
        PackageElement packageElement = elements.getPackageOf(element);
        return packageElement.isUnnamed() ? "" : packageElement.getQualifiedName().toString();
    }

    /** Whether code in {@code packageName} (outside the type's nest) can name this type. */
    boolean isAccessibleFrom(TypeElement type, String packageName) {
        boolean samePackage = packageName(type).equals(packageName);
        for (Element level = type; level instanceof TypeElement; level = level.getEnclosingElement()) {
            if (level.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
            if (!samePackage && !level.getModifiers().contains(Modifier.PUBLIC)
                    && level.getEnclosingElement().getKind() != ElementKind.INTERFACE) {
                return false;
            }
        }
        return true;
    }

    private String descriptor(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN -> "Z";
            case BYTE -> "B";
            case CHAR -> "C";
            case SHORT -> "S";
            case INT -> "I";
            case LONG -> "J";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            case ARRAY -> "[" + descriptor(((ArrayType) type).getComponentType());
            default -> "L" + className(type) + ";";
        };
    }
}
