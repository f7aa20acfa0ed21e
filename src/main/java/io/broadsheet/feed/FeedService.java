package io.broadsheet.feed;

import io.broadsheet.article.ArticleSelection;
import io.broadsheet.article.ArticleStore;
import io.broadsheet.category.Category;
import io.broadsheet.category.CategoryService;
import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.FeedsConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "feed {name} in format {f}": resolves the definition (named in feeds-config, {@code all}, or a
 * category), loads its visible articles (embargo cut-off from the clock), assembles and renders.
 */
@Singleton
public class FeedService {

    /** The feed of every category. */
    public static final String ALL = "all";

    private final FeedsConfig config;
    private final ArticleStore store;
    private final CategoryService categories;
    private final FeedAssembler assembler;
    private final Map<FeedFormat, FeedRenderer> renderers = new EnumMap<>(FeedFormat.class);
    private final Clock clock;

    public FeedService(FeedsConfig config, ArticleStore store, CategoryService categories,
                       List<FeedRenderer> renderers, Clock clock) {
        this.config = config;
        this.store = store;
        this.categories = categories;
        this.assembler = new FeedAssembler(config.site());
        this.clock = clock;
        renderers.forEach(r -> this.renderers.put(r.format(), r));
        for (FeedFormat format : FeedFormat.values()) {
            if (!this.renderers.containsKey(format)) {
                throw new IllegalStateException("No renderer for " + format);
            }
        }
    }

    /** A rendered document. */
    public record Rendered(FeedFormat format, byte[] bytes, Feed feed) {
    }

    public Rendered render(String name, FeedFormat format) {
        FeedDefinition definition = definition(name)
                .orElseThrow(() -> new FeedNotFoundException("No feed is named '" + name
                        + "': use a category slug (GET /api/categories), 'all', or a feed named in feeds-config."));
        Feed feed = assemble(definition);
        return new Rendered(format, renderers.get(format).render(feed), feed);
    }

    public Feed assemble(FeedDefinition definition) {
        ArticleSelection selection = new ArticleSelection(definition.categories(), definition.tags(), clock.instant());
        return assembler.assemble(definition, store.findNewest(selection, definition.limit(), 0),
                categories.namesBySlug());
    }

    /** The definition of a named feed, {@code all}, or a category's feed. */
    public Optional<FeedDefinition> definition(String name) {
        Optional<FeedDefinition> named = config.namedFeed(name);
        if (named.isPresent()) {
            return named;
        }
        if (ALL.equals(name)) {
            return Optional.of(new FeedDefinition(ALL, config.site().title(), config.site().description(),
                    List.of(), List.of(), config.defaultLimit(), config.defaultContent()));
        }
        return categories.find(name).map(this::categoryFeed);
    }

    private FeedDefinition categoryFeed(Category category) {
        return new FeedDefinition(category.slug(), config.site().title() + " \u2014 " + category.name(),
                category.description(), List.of(category.slug()), List.of(), config.defaultLimit(),
                config.defaultContent());
    }
}
