package io.mapper.schema;

/**
 * What a database can do with DDL, as {@code createAll} and {@code dropAll} need to know: a dialect answers, and the
 * schema layer plans its statements accordingly.
 *
 * @param sequences whether CREATE SEQUENCE exists (not SQLite)
 * @param alterForeignKeys whether ALTER TABLE can add and drop a foreign key, used to break foreign-key cycles (not
 *                         SQLite, which in exchange accepts a reference to a table that does not exist yet)
 * @param commentStatements whether comments are set with separate COMMENT ON statements (PostgreSQL, H2) rather than
 *                          inline in CREATE TABLE (MariaDB) or not at all (SQLite)
 */
public record DdlCapabilities(boolean sequences, boolean alterForeignKeys, boolean commentStatements) {
}
