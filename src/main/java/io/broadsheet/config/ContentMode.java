package io.broadsheet.config;

/** How much of an article a feed carries. */
public enum ContentMode {
    /** The teaser and the complete body (with a figure per image). */
    FULL,
    /** The teaser only. */
    SUMMARY
}
