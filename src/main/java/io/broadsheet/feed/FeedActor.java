package io.broadsheet.feed;

/**
 * The fediverse actor that publishes a public feed's items, which its JSON Feed ({@code _fediverse}) and its page
 * for browsers link to; partner feeds have none.
 *
 * @param actor  the actor's URL ({@code {base}/fediverse/{feed}})
 * @param handle how people look it up ({@code @world@news.example.com})
 */
public record FeedActor(String actor, String handle) {
}
