package io.mapper.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;

/**
 * The Core's layers, as STYLE.md section 1 draws them: each package imports only the packages below it, the Core
 * never imports the ORM or Spring, and no two Core packages import each other. Reads the compiled main classes of
 * mapper-core; no database.
 *
 * <p>{@code io.mapper.internal} (JDK-only helpers such as the topological sort) sits beside {@code exception} at the
 * bottom, so every layer may use it. Nullness annotations ({@code org.jspecify}) are not dependencies of a layer.
 */
class LayerRulesTest {

    static final JavaClasses MAPPER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mapper");

    private static final String EXCEPTION = "io.mapper.exception..";
    private static final String INTERNAL = "io.mapper.internal..";
    private static final String TYPES = "io.mapper.types..";
    private static final String SQL = "io.mapper.sql..";
    private static final String SCHEMA = "io.mapper.schema..";
    private static final String COMPILER = "io.mapper.compiler..";
    /** The dialect SPI alone, without the concrete {@code dialect.<db>} packages. */
    private static final String DIALECT = "io.mapper.dialect";
    private static final String CONCRETE_DIALECTS = "io.mapper.dialect.*..";
    private static final String ENGINE = "io.mapper.engine..";
    private static final String MIGRATION = "io.mapper.migration..";
    private static final String ORM = "io.mapper.orm..";

    @Test
    void exceptionImportsTheJdkOnly() {
        jdkOnly(EXCEPTION).check(MAPPER);
    }

    @Test
    void internalImportsTheJdkOnly() {
        jdkOnly(INTERNAL).check(MAPPER);
    }

    @Test
    void typesImportOnlyExceptions() {
        layer(TYPES, EXCEPTION).check(MAPPER);
    }

    @Test
    void sqlImportsOnlyTypesAndExceptions() {
        layer(SQL, TYPES, EXCEPTION).check(MAPPER);
    }

    @Test
    void schemaImportsOnlySqlAndBelow() {
        layer(SCHEMA, SQL, TYPES, EXCEPTION).check(MAPPER);
    }

    @Test
    void compilerImportsOnlySchemaAndBelow() {
        layer(COMPILER, SCHEMA, SQL, TYPES, EXCEPTION).check(MAPPER);
    }

    @Test
    void dialectImportsOnlyCompilerAndBelow() {
        layer(DIALECT, COMPILER, SCHEMA, SQL, TYPES, EXCEPTION).check(MAPPER);
    }

    @Test
    void concreteDialectsImportOnlyTheDialectSpiAndBelow() {
        layer(CONCRETE_DIALECTS, DIALECT, COMPILER, SCHEMA, SQL, TYPES, EXCEPTION).check(MAPPER);
    }

    @Test
    void noConcreteDialectImportsAnother() {
        slices().matching("io.mapper.dialect.(*)..").should().notDependOnEachOther()
                .because("each dialect.<db> package is one database's dialect and stands alone")
                .check(MAPPER);
    }

    @Test
    void engineImportsTheDialectSpiAndBelowButNoConcreteDialect() {
        layer(ENGINE, DIALECT, COMPILER, SCHEMA, SQL, TYPES, EXCEPTION).check(MAPPER);
    }

    @Test
    void migrationNeverImportsTheOrm() {
        noClasses().that().resideInAPackage(MIGRATION)
                .should().dependOnClassesThat().resideInAPackage(ORM)
                .because("a migration compares a MetaData with the database; the ORM is not needed for that")
                .check(MAPPER);
    }

    @Test
    void theCoreNeverImportsTheOrm() {
        noClasses().that().resideInAPackage("io.mapper..").and().resideOutsideOfPackage(ORM)
                .should().dependOnClassesThat().resideInAPackage(ORM)
                .because("the ORM translates entity queries into Core statements; the Core does not know it")
                .check(MAPPER);
    }

    @Test
    void mapperCoreNeverImportsSpring() {
        noClasses().that().resideInAPackage("io.mapper..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("Spring code lives only in mapper-spring-boot-autoconfigure")
                .check(MAPPER);
    }

    @Test
    void theCoreLayersAreFreeOfCycles() {
        slices().matching("io.mapper.(*)..").that(core()).should().beFreeOfCycles().check(MAPPER);
    }

    @Test
    void theCorePackagesAreFreeOfCycles() {
        // Finer than the layers above: a package and its sub-package (schema and schema.reflection) are two slices.
        slices().matching("io.mapper.(**)").that(core()).should().beFreeOfCycles().check(MAPPER);
    }

    private static DescribedPredicate<Slice> core() {
        return DescribedPredicate.describe("are Core packages (not io.mapper.orm..)",
                slice -> !slice.getNamePart(1).equals("orm") && !slice.getNamePart(1).startsWith("orm."));
    }

    /** Classes of {@code layer} depend on no mapper class outside their own layer, {@code mayUse} and internal. */
    private static ArchRule layer(String layer, String... mayUse) {
        List<String> allowed = new ArrayList<>(List.of(mayUse));
        allowed.add(layer);
        allowed.add(INTERNAL);
        DescribedPredicate<JavaClass> forbidden = resideInAPackage("io.mapper..")
                .and(not(resideInAnyPackage(allowed.toArray(String[]::new))));
        return noClasses().that().resideInAPackage(layer)
                .should().dependOnClassesThat(forbidden.as("mapper classes outside " + allowed))
                .as(layer + " imports only " + allowed);
    }

    private static ArchRule jdkOnly(String layer) {
        return classes().that().resideInAPackage(layer)
                .should().onlyDependOnClassesThat().resideInAnyPackage(layer, "java..", "org.jspecify..")
                .as(layer + " imports the JDK only");
    }
}
