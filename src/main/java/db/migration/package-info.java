/**
 * Flyway's Java migrations, found by Flyway in this package (the SQL ones are in {@code src/main/resources/db/migration}):
 * schema changes that need code to move existing rows. Read {@link db.migration.V9__Article_children_as_json} first: it
 * moves an article's pictures, authors and corrections into JSON columns of its row, with frozen copies of the text
 * codecs they were stored with ({@link db.migration.V9ChildrenJson}). A migration cannot inject beans: it asks
 * {@code io.broadsheet.storage.Database.kindOf} which database it runs on.
 */
package db.migration;
