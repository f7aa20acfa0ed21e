package io.broadsheet.category;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lists, creates and describes categories. */
@Singleton
public class CategoryService {

    private final CategoryRepository categories;

    public CategoryService(CategoryRepository categories) {
        this.categories = categories;
    }

    public List<Category> list() {
        return categories.listOrderBySlug();
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

    /** Creates each category not yet known, named after its slug; joins the caller's transaction. */
    @Transactional
    public void ensureExist(Collection<String> slugs) {
        for (String slug : slugs) {
            categories.insertIfAbsent(slug, Category.defaultName(slug));
        }
    }

    /** Sets a category's name and description, creating it if needed; true when it was created. */
    @Transactional
    public boolean describe(String slug, String name, String description) {
        Optional<Category> existing = categories.findBySlug(slug);
        if (existing.isPresent()) {
            categories.update(new Category(existing.get().id(), slug, name, description));
            return false;
        }
        categories.save(new Category(null, slug, name, description));
        return true;
    }
}
