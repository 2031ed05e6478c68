package io.mapper.orm;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.filters.Article;
import io.mapper.orm.filters.Book;
import io.mapper.orm.filters.Remark;
import io.mapper.orm.filters.Shelf;
import io.mapper.orm.filters.SoftDeletable;
import io.mapper.sql.Sql;
import io.mapper.sql.TableAlias;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * A global filter declared once for an interface ({@code SoftDeletable}), its condition built per entity table and
 * per alias. Mirrors SQLAlchemy's test/orm/test_relationship_criteria.py::LoaderCriteriaTest
 * (test_select_from_mapper_mapper_criteria with a mixin: test_criteria_applies_to_column_property... as
 * {@code with_loader_criteria(HasFoob, lambda cls: cls.name != 'foob', include_aliases=True)}:
 * test_select_mapper_mapper_criteria_w_mixin, test_select_aliased_inclaliased_criteria).
 */
class BaseTypeFilterIT extends BackendTest {

    private static final TableClause ARTICLE = Attribute.table("article");
    private static final Attribute<Article, String> HEADLINE = Attribute.of(Article.class, "headline", ARTICLE,
            "headline", Types.string(40));

    private SessionFactory sessions;

    @BeforeEach
    void createArticles() {
        sessions = SessionFactory.builder(engine()).entities(Article.class, Remark.class, Shelf.class, Book.class)
                .filterEach("live", SoftDeletable.class, table -> table.column("deleted", Boolean.class).eq(false))
                .build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            session.addAll(List.of(
                    new Article("kept", false).with(new Remark("fine", false)).with(new Remark("spam", true)),
                    new Article("pulled", true).with(new Remark("orphaned", false)),
                    new Shelf("plain").with(new Book("Emma", true))));
            session.commit();
        }
        recorder.clear();
    }

    /** Every entity implementing the interface gets the condition over its own table; others get none. */
    @Test
    void everyImplementingEntityIsFilteredOverItsOwnTable() {
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Article.class)).all()).extracting(article -> article.headline)
                    .containsExactly("kept");
            assertThat(recorder.sql().get(0)).isEqualTo("SELECT article.id, article.headline, article.deleted FROM "
                    + "article WHERE article.deleted = ?");
            assertThat(recorder.sql().get(1)).contains("FROM remark WHERE remark.article_id IN (")
                    .contains("AND remark.deleted = ?");
            assertThat(session.query(Remark.class).count()).isEqualTo(2);
            assertThat(session.scalars(select(Book.class)).all()).hasSize(1);   // Book is not SoftDeletable
        }
    }

    /** Mirrors test_select_aliased_inclaliased_criteria: a joined alias gets the condition over the alias. */
    @Test
    void aJoinedAliasIsFilteredOverTheAlias() {
        TableAlias remark = Sql.alias(sessions.metadata().table("remark"), "r");
        try (Session session = sessions.open()) {
            List<Article> articles = session.scalars(select(Article.class).withoutFilters()
                    .join(remark, remark.column("article_id", Long.class).eq(
                            Attribute.of(Article.class, "id", ARTICLE, "id", Types.BIGINT)))
                    .orderBy(HEADLINE)).all();
            assertThat(articles).extracting(article -> article.headline).containsExactly("kept", "pulled");
            assertThat(recorder.sql().get(0)).doesNotContain("deleted = ?");
            recorder.clear();
            List<Article> joined = session.scalars(select(Article.class)
                    .join(remark, remark.column("article_id", Long.class).eq(
                            Attribute.of(Article.class, "id", ARTICLE, "id", Types.BIGINT)))).all();
            assertThat(joined).extracting(article -> article.headline).containsExactly("kept");
            assertThat(recorder.sql().get(0)).contains("JOIN remark AS r ON r.article_id = article.id AND "
                    + "r.deleted = ?").contains("WHERE article.deleted = ?");
        }
    }

    /** Switched off and on for every implementing entity at once, like any filter. */
    @Test
    void switchedOffForEveryEntityAtOnce() {
        try (Session session = sessions.open()) {
            session.disableFilter("live");
            assertThat(session.scalars(select(Article.class)).all()).hasSize(2);
            assertThat(session.query(Remark.class).count()).isEqualTo(3);
            session.enableFilter("live");
            assertThat(session.query(Remark.class).count()).isEqualTo(2);
        }
    }
}
