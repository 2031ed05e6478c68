/**
 * The test bed: {@link io.mapper.testing.BackendTest} runs each database test on H2, SQLite, PostgreSQL and MariaDB;
 * {@link io.mapper.testing.SqlRecorder} records the statements that ran. Shared with other modules as a test-jar.
 */
package io.mapper.testing;
