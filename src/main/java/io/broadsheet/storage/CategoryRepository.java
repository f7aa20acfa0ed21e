package io.broadsheet.storage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Categories by slug. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CategoryRepository extends CrudRepository<Category, Long> {

    Optional<Category> findBySlug(String slug);

    List<Category> listOrderBySlug();

    /**
     * Categories the public may know of: those with an article visible at {@code now}, or whose feed has
     * had one (it is then recorded in feed_state). A category only embargoed articles use stays unknown.
     */
    @Query(value = "SELECT c.* FROM category c WHERE EXISTS (SELECT 1 FROM feed_state f WHERE f.name = c.slug)"
            + " OR EXISTS (SELECT 1 FROM feed_item i WHERE i.feed = 'category:' || c.slug AND i.published_at <= :now)"
            + " ORDER BY c.slug", nativeQuery = true)
    List<Category> listPublic(java.time.Instant now);

    /** Creates the category unless it exists; safe under concurrent first use (H2 and PostgreSQL). */
    @Query("INSERT INTO category (slug, name) VALUES (:slug, :name) ON CONFLICT DO NOTHING")
    void insertIfAbsent(String slug, String name);
}
