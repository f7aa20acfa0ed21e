package io.broadsheet.fediverse;

/** An actor document whose URL answered 404 or 410: the account is gone (or never was). */
public class ActorGoneException extends UnverifiedRequestException {

    private final String url;

    public ActorGoneException(String url, int status) {
        super("the signer's actor " + url + " answered " + status);
        this.url = url;
    }

    /** The URL that answered 404 or 410. */
    public String url() {
        return url;
    }
}
