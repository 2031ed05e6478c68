package io.mapper.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import io.mapper.engine.Engine;

/**
 * Base of every database test: each test method runs once per enabled backend, named by backend in reports, on a
 * fresh database that is dropped afterwards. {@link #recorder} holds the statements the engine executed.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.mapper.testing.Backend#enabled")
public abstract class BackendTest {

    @Parameter(0)
    protected Backend backend;

    /** Every statement this test's engine executed, in order. */
    protected final SqlRecorder recorder = new SqlRecorder();

    private TestDatabase database;

    @BeforeEach
    void openTestDatabase() {
        database = backend.createDatabase(recorder);
    }

    @AfterEach
    void dropTestDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** The engine over this test's database. */
    protected Engine engine() {
        return database.engine();
    }

    /** This test's database, for tests that need its URL. */
    protected TestDatabase database() {
        return database;
    }

    /** Skips the test on backends without the feature. */
    protected void requires(Feature feature) {
        assumeTrue(backend.supports(feature), () -> backend + " does not support " + feature);
    }
}
