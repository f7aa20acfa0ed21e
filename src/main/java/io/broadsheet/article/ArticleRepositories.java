package io.broadsheet.article;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The Micronaut Data repositories of the article tables; children are loaded in one query per table. */
final class ArticleRepositories {

    private ArticleRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface ArticleRepository extends CrudRepository<Article, Long> {

        Optional<Article> findBySlug(String slug);

        List<Article> findByIdIn(Collection<Long> ids);

        List<Article> findByPublishedAtGreaterThan(Instant instant);

        @Query("UPDATE article SET slug = :slug, title = :title, summary = :summary, body = :body, url = :url, "
                + "language = :language, published_at = :publishedAt, updated_at = :updatedAt, version = version + 1 "
                + "WHERE id = :id AND version = :version")
        int replace(long id, long version, String slug, String title, @Nullable String summary, @Nullable String body,
                    @Nullable String url, @Nullable String language, Instant publishedAt, Instant updatedAt);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface ImageRepository extends CrudRepository<ArticleImage, Long> {

        List<ArticleImage> findByArticleIdInOrderByOrdinal(Collection<Long> articleIds);

        void deleteByArticleId(long articleId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AuthorRepository extends CrudRepository<ArticleAuthor, Long> {

        List<ArticleAuthor> findByArticleIdInOrderByOrdinal(Collection<Long> articleIds);

        void deleteByArticleId(long articleId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface CategoryLinkRepository extends CrudRepository<ArticleCategory, Long> {

        List<ArticleCategory> findByArticleIdInOrderByOrdinal(Collection<Long> articleIds);

        void deleteByArticleId(long articleId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface TagRepository extends CrudRepository<ArticleTag, Long> {

        List<ArticleTag> findByArticleIdInOrderByOrdinal(Collection<Long> articleIds);

        void deleteByArticleId(long articleId);
    }
}
