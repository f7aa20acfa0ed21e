/**
 * Atom 1.0 rendering: {@link io.broadsheet.feed.atom.AtomFeedRenderer}, written by ROME under Broadsheet's own feed
 * type ({@link io.broadsheet.feed.atom.AtomGenerator}).
 */
package io.broadsheet.feed.atom;
