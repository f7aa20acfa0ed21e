/**
 * An article's life after publication as feeds show it: the release timer that lifts embargoes and withdraws expired
 * articles ({@link io.broadsheet.lifecycle.EmbargoTimer}), the pruning of tombstones past their retention
 * ({@link io.broadsheet.lifecycle.TombstonePruner}), and the elements the XML formats add for them
 * ({@link io.broadsheet.lifecycle.Lifecycle}: dcterms dates and periods, media:status, Atom deleted entries).
 * Read {@link io.broadsheet.lifecycle.EmbargoTimer} first.
 */
package io.broadsheet.lifecycle;
