package io.broadsheet.testing;

import java.time.Instant;
import java.util.List;

/**
 * A served feed parsed back (by ROME for RSS and Atom, by the JSON parser for JSON Feed) into what a reader
 * would show, so that one contract test can check every format alike.
 */
public record ParsedFeed(String title, String homePageUrl, String selfUrl, List<Item> items) {

    /** One entry as a reader sees it. */
    public record Item(String id, String url, String title, String summary, String contentHtml,
                       Instant published, Instant updated, List<String> authors, List<String> categories,
                       List<Image> images) {
    }

    /** One picture as a reader sees it. */
    public record Image(String url, String type, Long length, Integer width, Integer height, String caption,
                        String credit) {
    }

    public Item item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + id + " among " + items.stream().map(Item::id).toList()));
    }

    public List<String> ids() {
        return items.stream().map(Item::id).toList();
    }
}
