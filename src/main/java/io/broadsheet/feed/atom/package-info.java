/** Atom 1.0 rendering: {@link io.broadsheet.feed.atom.AtomFeedRenderer}. */
package io.broadsheet.feed.atom;
