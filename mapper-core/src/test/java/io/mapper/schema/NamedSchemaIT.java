package io.mapper.schema;

import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.migration.CompareOptions;
import io.mapper.migration.MigrationOperation;
import io.mapper.migration.SchemaComparison;
import io.mapper.migration.SchemaDiff;
import io.mapper.orm.Orm;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.testing.BackendTest;
import io.mapper.testing.NamedSchemas;
import io.mapper.types.Types;

/**
 * Issue 14: tables in named schemas end to end on four databases: {@code CREATE SCHEMA} from {@code createAll}
 * (refused on SQLite, whose schemas are attached databases), entities mapped with {@code @Table(schema)} and related
 * across schemas, reflection of a named schema, and migrations comparing every schema the models use. Mirrors
 * SQLAlchemy's test/sql/test_ddlemit.py (CREATE SCHEMA with create_all), test/engine/test_reflection.py
 * ::SchemaTest::test_metadata_reflect_schema and test/orm tests mapping classes to {@code schema=} tables
 * (test/orm/test_relationships.py cross-schema many-to-many).
 */
class NamedSchemaIT extends BackendTest {

    private NamedSchemas schemas;

    @BeforeEach
    void createSchemas() {
        schemas = NamedSchemas.create(backend, database(), recorder, 2);
    }

    @AfterEach
    void dropSchemas() {
        schemas.close();
    }

    @Entity
    @io.mapper.orm.annotation.Table(name = "author", schema = "people")
    public static class Author {
        @Id @GeneratedValue public Long id;
        public String name;
        @OneToMany(mappedBy = "author", fetch = FetchStrategy.SELECT_IN)
        public List<Book> books = new ArrayList<>();

        Author() {
        }

        Author(String name) {
            this.name = name;
        }
    }

    @Entity
    @io.mapper.orm.annotation.Table(name = "book", schema = "catalog")
    public static class Book {
        @Id @GeneratedValue public Long id;
        public String title;
        @ManyToOne public Author author;
        @ManyToMany public List<Shelf> shelves = new ArrayList<>();

        Book() {
        }

        Book(String title, Author author) {
            this.title = title;
            this.author = author;
            author.books.add(this);
        }
    }

    @Entity
    @io.mapper.orm.annotation.Table(name = "shelf", schema = "catalog")
    public static class Shelf {
        @Id @GeneratedValue public Long id;
        public String label;

        Shelf() {
        }

        Shelf(String label) {
            this.label = label;
        }
    }

    /** The logical schemas of the entities, in the two test schemas (one on SQLite, whose keys cannot cross files). */
    private Engine physical() {
        Map<String, String> map = new HashMap<>();
        map.put("people", schemas.name(0));
        map.put("catalog", backend.is("sqlite") ? schemas.name(0) : schemas.name(1));
        return schemas.engine().withSchemaTranslation(map);
    }

    @Test
    void entitiesInNamedSchemasFlushLoadAndRelateAcrossSchemas() {
        SessionFactory sessions = SessionFactory.builder(physical())
                .entities(Author.class, Book.class, Shelf.class).build();
        assertThat(sessions.metadata().schemas()).containsExactly("people", "catalog");
        assertThat(sessions.metadata().table("catalog.book_shelf").schema()).isEqualTo("catalog");
        sessions.metadata().createAll(sessions.engine());
        String catalog = backend.is("sqlite") ? schemas.name(0) : schemas.name(1);
        assertThat(recorder.sql()).anySatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE " + catalog + ".book ("))
                .anySatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE " + catalog + ".book_shelf ("));
        if (!backend.is("sqlite")) {
            assertThat(recorder.sql()).anySatisfy(sql -> assertThat(sql)
                    .contains("REFERENCES " + schemas.name(0) + ".author (id)"));
        }

        try (Session session = sessions.open()) {
            Author ann = new Author("ann");
            Shelf top = new Shelf("top");
            Book tea = new Book("tea", ann);
            Book cake = new Book("cake", ann);
            tea.shelves.add(top);
            cake.shelves.add(top);
            session.addAll(List.of(ann, tea, cake, top));
            session.commit();
        }
        try (Session session = sessions.open()) {
            Author ann = session.scalars(Orm.select(Author.class)).one();
            assertThat(ann.books).extracting(book -> book.title).containsExactlyInAnyOrder("tea", "cake");
            Book tea = ann.books.stream().filter(book -> book.title.equals("tea")).findFirst().orElseThrow();
            assertThat(tea.shelves).extracting(shelf -> shelf.label).containsExactly("top");
            assertThat(tea.author).isSameAs(ann);
            tea.shelves.clear();
            session.delete(ann.books.stream().filter(book -> book.title.equals("cake")).findFirst().orElseThrow());
            session.commit();
        }
        try (Connection conn = sessions.engine().connect()) {
            Table association = sessions.metadata().table("catalog.book_shelf");
            assertThat(conn.execute(select(io.mapper.sql.Sql.count()).from(association)).scalar(Long.class)).isZero();
        }
        assertThat(recorder.sql()).noneMatch(sql -> sql.contains("people.") || sql.contains("catalog."));
    }

    // mirrors test_ddlemit.py: create_all emits CREATE SCHEMA for the schemas the tables use, when asked
    @Test
    void createAllCreatesTheSchemasItIsAskedTo() {
        String fresh = "fresh_" + UUID.randomUUID().toString().substring(0, 6);
        MetaData metadata = new MetaData();
        Table ledger = metadata.table("books", "ledger", Column.of("id", Types.INTEGER).primaryKey());
        Engine engine = schemas.engine().withSchemaTranslation(Map.of("books", fresh));
        if (backend.is("sqlite")) {
            // No CREATE SCHEMA: a schema is an attached database; a missing one is refused with the way to attach it.
            assertThatThrownBy(() -> metadata.createAll(engine, CreateOptions.DEFAULT.withCreateSchemas(true)))
                    .isInstanceOf(UnsupportedCompilationException.class)
                    .hasMessageContaining("CREATE SCHEMA " + fresh).hasMessageContaining("ATTACH DATABASE");
            // An attached one passes: createAll creates the tables in it.
            Engine attached = schemas.engine().withSchemaTranslation(Map.of("books", schemas.name(1)));
            metadata.createAll(attached, CreateOptions.DEFAULT.withCreateSchemas(true));
            assertThat(attached.inspect().schema(schemas.name(1)).tableNames()).containsExactly("ledger");
            return;
        }
        recorder.clear();
        metadata.createAll(engine, CreateOptions.DEFAULT.withCreateSchemas(true));
        try {
            String create = backend.is("mariadb") ? "CREATE DATABASE IF NOT EXISTS " : "CREATE SCHEMA IF NOT EXISTS ";
            assertThat(recorder.sql()).startsWith(create + fresh, "CREATE TABLE " + fresh + ".ledger (id INTEGER NOT "
                    + "NULL, CONSTRAINT pk_ledger PRIMARY KEY (id))");
            recorder.clear();
            metadata.createAll(engine, CreateOptions.DEFAULT.withCreateSchemas(true));   // checks first: nothing to do
            assertThat(recorder.sql()).isEmpty();
            engine.begin(conn -> conn.execute(insert(ledger).values(Map.of("id", 7))));
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(select(ledger.column("id", Integer.class))).scalar()).isEqualTo(7);
            }
        } finally {
            engine.runDdl(session -> session.execute(new DdlElement.DropSchema("books")));
        }
        assertThat(recorder.sql()).last().isEqualTo(backend.is("mariadb") ? "DROP DATABASE " + fresh
                : "DROP SCHEMA " + fresh + " CASCADE");
    }

    // mirrors test_reflection.py::SchemaTest::test_metadata_reflect_schema: reflected tables keep their schema
    @Test
    void reflectingANamedSchemaDefinesItsTablesInThatSchema() {
        String schema = schemas.name(0);
        MetaData model = new MetaData();
        model.table(schema, "parent", Column.of("id", Types.INTEGER).primaryKey());
        model.table(schema, "child", Column.of("id", Types.INTEGER).primaryKey(),
                Column.of("parent_id", Types.INTEGER).references(schema + ".parent.id"));
        model.createAll(schemas.engine());
        schemas.engine().begin(conn -> conn.execute(insert(model.table(schema + ".parent")).values(Map.of("id", 1))));

        MetaData reflected = new MetaData();
        List<Table> tables = reflected.reflect(schemas.engine().inspect().schema(schema));
        assertThat(tables).extracting(Table::toString)
                .containsExactlyInAnyOrder(schema + ".parent", schema + ".child");
        Table child = reflected.table(schema + ".child");
        assertThat(child.foreignKeyConstraints().get(0).referredTable())
                .isSameAs(reflected.table(schema + ".parent"));
        recorder.clear();
        try (Connection conn = schemas.engine().connect()) {
            Table parent = reflected.table(schema + ".parent");
            assertThat(conn.execute(select(parent.column("id", Integer.class))).scalar()).isEqualTo(1);
        }
        assertThat(recorder.sql()).containsExactly("SELECT parent.id FROM " + schema + ".parent");
    }

    // Alembic's compare_metadata with include_schemas, limited to the schemas the models use
    @Test
    void migrationsCompareEverySchemaTheModelsUse() {
        String first = schemas.name(0);
        String second = schemas.name(1);
        MetaData live = new MetaData();
        live.table(first, "kept", Column.of("id", Types.INTEGER).primaryKey());
        live.table(second, "old", Column.of("id", Types.INTEGER).primaryKey());
        live.createAll(schemas.engine());

        MetaData models = new MetaData();
        models.table(first, "kept", Column.of("id", Types.INTEGER).primaryKey(), Column.of("note", Types.string(20)));
        Table added = models.table(second, "added", Column.of("id", Types.INTEGER).primaryKey());
        SchemaDiff diff = SchemaComparison.compare(schemas.engine(), models, CompareOptions.DEFAULT);
        assertThat(diff.describe()).hasSize(3).contains("add table " + second + ".added", "add column kept.note")
                .anySatisfy(line -> assertThat(line).startsWith("remove table " + second + ".old (destructive"));
        MigrationOperation create = diff.operations().stream()
                .filter(operation -> operation instanceof MigrationOperation.CreateTable).findFirst().orElseThrow();
        assertThat(((MigrationOperation.CreateTable) create).table()).isSameAs(added);
        assertThat(schemas.engine().dialect().newDdlCompiler()
                .compile(new DdlElement.CreateTable(added)).sql()).startsWith("CREATE TABLE " + second + ".added (");
    }
}
