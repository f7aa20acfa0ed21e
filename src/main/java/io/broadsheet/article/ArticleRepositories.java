package io.broadsheet.article;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

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

        List<Article> findBySlugIn(Collection<String> slugs);

        Optional<Article> findFirstByIdGreaterThan(long id);

        @Query(value = ArticleStore.AFTER_ID_SQL, nativeQuery = true)
        List<Article> findAfter(long afterId, int limit);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface ImageRepository extends CrudRepository<ArticleImage, Long> {

        List<ArticleImage> findByArticleIdInOrderByOrdinal(Collection<Long> articleIds);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AuthorRepository extends CrudRepository<ArticleAuthor, Long> {

        List<ArticleAuthor> findByArticleIdInOrderByOrdinal(Collection<Long> articleIds);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface CategoryLinkRepository extends CrudRepository<ArticleCategory, Long> {

        List<ArticleCategory> findByArticleIdInOrderByOrdinal(Collection<Long> articleIds);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface TagRepository extends CrudRepository<ArticleTag, Long> {

        List<ArticleTag> findByArticleIdInOrderByOrdinal(Collection<Long> articleIds);
    }
}
