package io.broadsheet.config;

/** Who may read a feed. */
public enum Access {
    /** Anyone. */
    PUBLIC,
    /** Only a partner whose key grants the feed. */
    PARTNER
}
