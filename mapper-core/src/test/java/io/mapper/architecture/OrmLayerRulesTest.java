package io.mapper.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.library.dependencies.Slice;

/**
 * The ORM's layers, as STYLE.md section 2 lays them out: the annotations are vocabulary and import nothing of the
 * ORM, the conventions import only the annotations, and the ORM's packages ({@code orm}, {@code orm.mapping}, {@code orm.unitofwork}, ...) do not import each
 * other in a circle. No database.
 *
 * <p>Tagged {@code orm-layers} and excluded from Surefire in mapper-core's pom until the ORM restructuring lands
 * (issue 12): today {@code orm}, {@code orm.mapping} and {@code orm.unitofwork} import each other.
 */
@Tag("orm-layers")
class OrmLayerRulesTest {

    @Test
    void annotationsImportNothingOfTheOrm() {
        noClasses().that().resideInAPackage("io.mapper.orm.annotation..")
                .should().dependOnClassesThat(resideInAPackage("io.mapper.orm..")
                        .and(not(resideInAPackage("io.mapper.orm.annotation..")))
                        .as("ORM classes outside io.mapper.orm.annotation"))
                .because("the annotations are the ORM's vocabulary; only orm.mapping reads them")
                .check(LayerRulesTest.MAPPER);
    }

    @Test
    void conventionsImportOnlyTheAnnotations() {
        noClasses().that().resideInAPackage("io.mapper.orm.convention..")
                .should().dependOnClassesThat(resideInAPackage("io.mapper.orm..")
                        .and(not(resideInAnyPackage("io.mapper.orm.convention..", "io.mapper.orm.annotation..")))
                        .as("ORM classes outside io.mapper.orm.convention and io.mapper.orm.annotation"))
                .because("the metamodel processor applies the same conventions at compile time")
                .check(LayerRulesTest.MAPPER);
    }

    @Test
    void theOrmPackagesAreFreeOfCycles() {
        // Every package of the ORM is its own slice, io.mapper.orm itself included.
        slices().matching("io.mapper.(**)").that(orm()).should().beFreeOfCycles().check(LayerRulesTest.MAPPER);
    }

    private static DescribedPredicate<Slice> orm() {
        return DescribedPredicate.describe("are ORM packages (io.mapper.orm..)",
                slice -> slice.getNamePart(1).equals("orm") || slice.getNamePart(1).startsWith("orm."));
    }
}
