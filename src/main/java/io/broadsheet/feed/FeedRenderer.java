package io.broadsheet.feed;

/** Turns the neutral {@link Feed} into the bytes of one format; one implementation per {@link FeedFormat}. */
public interface FeedRenderer {

    FeedFormat format();

    /** The complete document, UTF-8 encoded; throws rather than return a truncated document. */
    byte[] render(Feed feed);
}
