package io.mapper.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.library.dependencies.Slice;

/**
 * The ORM's layers, as STYLE.md section 2 lays them out: the annotations are vocabulary and import nothing of the
 * ORM, the conventions import only the annotations, the ORM's packages are a stack whose imports only run down
 * (annotation, convention, state, mapping, loading, session, unit of work, the session API, and the sharding
 * extension on top, which uses only the session API), and no
 * two of them import each other in a circle. No database.
 */
class OrmLayerRulesTest {

    @Test
    void theOrmPackagesImportOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("shard").definedBy("io.mapper.orm.shard..")
                .layer("api").definedBy("io.mapper.orm")
                .layer("unitofwork").definedBy("io.mapper.orm.unitofwork..")
                .layer("session").definedBy("io.mapper.orm.session..")
                .layer("loading").definedBy("io.mapper.orm.loading..")
                .layer("mapping").definedBy("io.mapper.orm.mapping..")
                .layer("state").definedBy("io.mapper.orm.state..")
                .layer("convention").definedBy("io.mapper.orm.convention..")
                .layer("annotation").definedBy("io.mapper.orm.annotation..")
                .whereLayer("shard").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("shard")
                .whereLayer("unitofwork").mayOnlyBeAccessedByLayers("api")
                .whereLayer("session").mayOnlyBeAccessedByLayers("unitofwork", "api")
                .whereLayer("loading").mayOnlyBeAccessedByLayers("session", "unitofwork", "api")
                .whereLayer("mapping").mayOnlyBeAccessedByLayers("loading", "session", "unitofwork", "api")
                .whereLayer("state").mayOnlyBeAccessedByLayers("mapping", "loading", "session", "unitofwork", "api")
                .whereLayer("convention").mayOnlyBeAccessedByLayers("mapping", "api")
                .because("STYLE.md section 2: no import runs back up inside io.mapper.orm")
                .check(LayerRulesTest.MAPPER);
    }

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
