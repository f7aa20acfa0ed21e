package io.broadsheet.feed;

/** No feed has this name in this format. */
public class FeedNotFoundException extends RuntimeException {

    public FeedNotFoundException(String message) {
        super(message);
    }
}
