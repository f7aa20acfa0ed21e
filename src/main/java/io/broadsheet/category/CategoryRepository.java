package io.broadsheet.category;

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

    /** Creates the category unless it exists; safe under concurrent first use (H2 and PostgreSQL). */
    @Query("INSERT INTO category (slug, name) VALUES (:slug, :name) ON CONFLICT DO NOTHING")
    void insertIfAbsent(String slug, String name);
}
