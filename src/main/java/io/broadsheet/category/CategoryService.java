package io.broadsheet.category;

import io.broadsheet.storage.Category;
import io.broadsheet.storage.CategoryRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Lists, creates and describes categories. */
@Singleton
public class CategoryService {

    private final CategoryRepository categories;
    private final ApplicationEventPublisher<CategoryDescribed> events;
    private final Clock clock;

    public CategoryService(CategoryRepository categories, ApplicationEventPublisher<CategoryDescribed> events,
                           Clock clock) {
        this.categories = categories;
        this.events = events;
        this.clock = clock;
    }

    public List<Category> list() {
        return categories.listOrderBySlug();
    }

    /** The categories the public may know of: see {@link CategoryRepository#listPublic}. */
    public List<Category> listPublic() {
        return categories.listPublic(clock.instant());
    }

    public Optional<Category> find(String slug) {
        return categories.findBySlug(slug);
    }

    /** Display names by slug, for labelling feed items. */
    public Map<String, String> namesBySlug() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Category c : categories.listOrderBySlug()) {
            names.put(c.slug(), c.name());
        }
        return names;
    }

    /**
     * Creates each category not yet known, named after its slug; joins the caller's transaction. In slug order: two
     * writers bringing the same new categories in different orders would otherwise each hold the row the other waits
     * for until their transactions end (H2 only gives up after its lock timeout, PostgreSQL calls it a deadlock).
     */
    @Transactional
    public void ensureExist(Collection<String> slugs) {
        for (String slug : new TreeSet<>(slugs)) {
            categories.insertIfAbsent(slug, Category.defaultName(slug));
        }
    }

    /**
     * Sets names and descriptions as another installation had them (a move), creating categories as needed. No
     * change is recorded: the feed states that move with them say when each feed last changed.
     */
    @Transactional
    public void restore(List<Category> restored) {
        for (Category category : restored) {
            Optional<Category> existing = categories.findBySlug(category.slug());
            Long id = existing.map(Category::id).orElse(null);
            Category row = new Category(id, category.slug(), category.name(), category.description());
            if (id == null) {
                categories.save(row);
            } else {
                categories.update(row);
            }
        }
    }

    /** Sets a category's name and description, creating it if needed; true when it was created. */
    @Transactional
    public boolean describe(String slug, String name, String description) {
        Optional<Category> existing = categories.findBySlug(slug);
        if (existing.isPresent()) {
            categories.update(new Category(existing.get().id(), slug, name, description));
        } else {
            categories.save(new Category(null, slug, name, description));
        }
        events.publishEvent(new CategoryDescribed(slug, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return existing.isEmpty();
    }
}
