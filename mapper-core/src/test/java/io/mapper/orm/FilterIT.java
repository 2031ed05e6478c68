package io.mapper.orm;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.update;
import static io.mapper.sql.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.filters.Book;
import io.mapper.orm.filters.Shelf;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Global filters (loader criteria): a soft-delete condition applied to every load of an entity, switchable per
 * session and per query. Mirrors SQLAlchemy's test/orm/test_relationship_criteria.py (LoaderCriteriaTest:
 * test_select_mapper_mapper_criteria, test_select_joinm2o_mapper_criteria, test_selectinload_local_criteria,
 * test_criteria_post_replace, test_update_delete_criteria).
 */
class FilterIT extends BackendTest {

    private static final TableClause SHELF = Attribute.table("shelf");
    private static final TableClause BOOK = Attribute.table("book");
    private static final Attribute<Book, Long> BOOK_ID = Attribute.of(Book.class, "id", BOOK, "id", Types.BIGINT);
    private static final Attribute<Book, String> BOOK_TITLE = Attribute.of(Book.class, "title", BOOK, "title",
            Types.string(40));
    private static final Attribute<Book, Boolean> BOOK_DELETED = Attribute.of(Book.class, "deleted", BOOK,
            "deleted", Types.BOOLEAN);
    private static final Attribute<Shelf, String> SHELF_NAME = Attribute.of(Shelf.class, "name", SHELF, "name",
            Types.string(30));
    private static final Relation<Shelf, Book> SHELF_BOOKS = Relation.of(Shelf.class, "books", Book.class);
    private static final String BOOK_SELECT = "SELECT book.id, book.title, book.deleted, book.shelf_id FROM book";

    private SessionFactory sessions;
    private long goneId;

    @BeforeEach
    void createShelves() {
        sessions = SessionFactory.builder(engine()).entities(Shelf.class, Book.class)
                .filter("live", Book.class, BOOK_DELETED.eq(false)).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Book gone = new Book("Gone", true);
            session.addAll(List.of(new Shelf("fiction").with(new Book("Emma", false)).with(gone)
                    .with(new Book("Ulysses", false)), new Shelf("empty").with(new Book("Lost", true))));
            session.commit();
            goneId = gone.id;
        }
        recorder.clear();
    }

    /** Mirrors test_select_mapper_mapper_criteria: entity queries, counts and get misses are filtered. */
    @Test
    void queriesCountsAndGetSkipFilteredRows() {
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Book.class).orderBy(BOOK_TITLE)).all()).extracting(book -> book.title)
                    .containsExactly("Emma", "Ulysses");
            assertThat(recorder.sql().get(0)).isEqualTo(BOOK_SELECT + " WHERE book.deleted = ? ORDER BY book.title");
            assertThat(session.query(Book.class).count()).isEqualTo(2);
            assertThat(session.get(Book.class, goneId)).isNull();
        }
    }

    /** Mirrors test_selectinload_local_criteria: relationship loads are filtered too. */
    @Test
    void relationshipLoadsAreFiltered() {
        try (Session session = sessions.open()) {
            Shelf fiction = session.query(Shelf.class).filterBy("name", "fiction").one();
            assertThat(fiction.books).extracting(book -> book.title).containsExactly("Emma", "Ulysses");
            assertThat(recorder.sql().get(1)).startsWith(BOOK_SELECT + " WHERE book.shelf_id IN (")
                    .endsWith("AND book.deleted = ? ORDER BY book.title, book.id");
        }
    }

    /** Mirrors test_select_joinm2o_mapper_criteria: a joined entity's filter goes into its ON clause. */
    @Test
    void joinedEntitiesAreFilteredInTheirOnClause() {
        try (Session session = sessions.open()) {
            List<Tuple2<Shelf, Long>> counts = session.tuples(select(Shelf.class, count(BOOK_ID))
                    .outerJoin(SHELF_BOOKS).groupBy(Shelf.class).orderBy(SHELF_NAME));
            assertThat(counts).extracting(row -> row.first().name, Tuple2::second)
                    .containsExactly(tuple("empty", 0L), tuple("fiction", 2L));
            assertThat(recorder.sql().get(0)).contains("LEFT OUTER JOIN book ON book.shelf_id = shelf.id AND "
                    + "book.deleted = ?");
        }
    }

    /** Mirrors test_criteria_post_replace: switched off per session, and per query. */
    @Test
    void switchedOffPerSessionAndPerQuery() {
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Book.class).withoutFilters("live")).all()).hasSize(4);
            assertThat(session.scalars(select(Book.class).withoutFilters()).all()).hasSize(4);
            assertThat(session.scalars(select(Book.class)).all()).hasSize(2);
            session.disableFilter("live");
            assertThat(session.query(Book.class).count()).isEqualTo(4);
            assertThat(session.get(Book.class, goneId)).isNotNull();
            session.enableFilter("live");
            assertThat(session.scalars(select(Book.class)).all()).hasSize(2);
            assertThatThrownBy(() -> session.disableFilter("tenant")).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("[live]");
        }
    }

    /** Mirrors test_update_delete_criteria: ORM bulk writes honour the filter. */
    @Test
    void bulkWritesHonourTheFilter() {
        try (Session session = sessions.open()) {
            long rows = session.execute(update(Book.class).set(BOOK_TITLE, "x").where(BOOK_TITLE.in("Gone", "Emma")));
            assertThat(rows).isEqualTo(1);
            assertThat(recorder.sql()).containsExactly(
                    "UPDATE book SET title = ? WHERE book.title IN (?, ?) AND book.deleted = ?");
        }
    }
}
