/**
 * Moving an installation to another database (H2 to PostgreSQL): the export of every article with the fields the
 * server set and, on its last line, the site's state ({@link io.broadsheet.move.ArchiveExport}, read first), and the
 * import with preserve-ids that fills an empty database with them ({@link io.broadsheet.move.ArchiveImport}), so
 * that feed item ids, ETags and Last-Modified dates come out the same.
 */
package io.broadsheet.move;
