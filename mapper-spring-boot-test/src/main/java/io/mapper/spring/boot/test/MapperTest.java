package io.mapper.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test slice for mapper code, shaped like {@code @JdbcTest}: only the DataSource, transaction and mapper
 * auto-configuration (no web layer, no other beans of the application), an embedded database unless
 * {@code @AutoConfigureTestDatabase(replace = NONE)} says otherwise (for example with a {@code @ServiceConnection}
 * container), and each test in a transaction that is rolled back at the end. The ORM is included: with
 * {@code @Entity} classes in the application's packages, the {@code SessionFactory} and the transaction-bound
 * {@code SessionOperations} session can be injected. A {@link StatementRecorder} bean records the statements each
 * test runs.
 *
 * <pre>{@code
 * @MapperTest
 * class UserQueriesTest {
 *     @Autowired Engine engine;
 *     @Autowired SessionOperations session;
 *     @Autowired StatementRecorder statements;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(MapperTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(MapperTypeExcludeFilter.class)
@Transactional
@AutoConfigureJdbc
@AutoConfigureTestDatabase
@AutoConfigureMapper
@ImportAutoConfiguration
public @interface MapperTest {

    /** Properties in {@code key=value} form added to the test's environment. */
    String[] properties() default {};

    /** Whether the default filters (which include no application components) apply. */
    boolean useDefaultFilters() default true;

    /** Extra application components to load into the slice. */
    Filter[] includeFilters() default {};

    /** Application components to keep out of the slice. */
    Filter[] excludeFilters() default {};

    /** Auto-configurations to leave out of the slice. */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}
