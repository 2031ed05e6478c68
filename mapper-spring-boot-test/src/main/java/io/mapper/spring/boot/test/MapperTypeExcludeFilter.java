package io.mapper.spring.boot.test;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/** Keeps the application's own components out of a {@link MapperTest} unless its filters include them. */
final class MapperTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<MapperTest> {

    MapperTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }
}
