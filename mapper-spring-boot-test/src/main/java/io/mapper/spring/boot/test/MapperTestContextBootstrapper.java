package io.mapper.spring.boot.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link MapperTest#properties()} into the test context. */
class MapperTestContextBootstrapper extends TestSliceTestContextBootstrapper<MapperTest> {
}
