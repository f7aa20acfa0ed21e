package io.broadsheet.category;

import io.broadsheet.storage.Category;
import io.broadsheet.storage.CategoryRepository;
import io.broadsheet.config.ConfigException;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.input.FieldError;
import io.broadsheet.input.InvalidInputException;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Which slugs a category may take: none that is already the name of a feed ({@value FeedsConfig#ALL} or a named feed
 * of {@code broadsheet.yml}), since {@code /feeds/{slug}}, and so the category page's feed links, would serve that
 * feed. Writes that would create such a category are refused, and a configuration naming a feed after a stored
 * category stops start-up (the configuration is read only then).
 */
@Singleton
public class CategorySlugs {

    private final FeedsConfig config;
    private final CategoryRepository categories;

    public CategorySlugs(FeedsConfig config, CategoryRepository categories) {
        this.config = config;
        this.categories = categories;
    }

    /** Why a category cannot have this slug, or empty when it can. */
    public Optional<String> refusal(String slug) {
        if (FeedsConfig.ALL.equals(slug)) {
            return Optional.of("'" + slug + "' is the built-in feed of every article (/feeds/" + slug + "), so no"
                    + " category can have it as its slug: choose another");
        }
        if (config.namesFeed(slug)) {
            return Optional.of("'" + slug + "' is the name of a named feed (feeds." + slug + " in broadsheet.yml):"
                    + " /feeds/" + slug + " serves that feed, so no category can have it as its slug: choose another");
        }
        return Optional.empty();
    }

    /** Refuses slugs that name a feed, each reported as {@code field[i]}: nothing of the request is written. */
    public void check(List<String> slugs, String field) {
        check(slugs, i -> field + "[" + i + "]");
    }

    /** Refuses slugs that name a feed, the i-th reported under {@code path.apply(i)}. */
    public void check(List<String> slugs, IntFunction<String> path) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            String field = path.apply(i);
            refusal(slugs.get(i)).ifPresent(reason -> errors.add(new FieldError(field, reason)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * At start-up, before anything serves: a stored category whose slug the configuration now gives to a named feed
     * stops the service, naming the feed and the category, rather than letting the feed hide the category's own.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void onStartup(StartupEvent event) {
        for (Category category : categories.listOrderBySlug()) {
            if (config.namedFeed(category.slug()).isPresent()) {
                throw new ConfigException(config.file(), "feeds." + category.slug(), "the named feed '"
                        + category.slug() + "' has the slug of the stored category '" + category.slug() + "' ("
                        + category.name() + "), whose feed is /feeds/" + category.slug()
                        + ": give the named feed another name");
            }
        }
    }
}
