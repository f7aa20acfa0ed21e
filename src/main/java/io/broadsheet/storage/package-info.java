/**
 * The tables and how the database is written: repositories that own their tables' SQL
 * ({@link io.broadsheet.storage.CategoryRepository}, {@link io.broadsheet.storage.PartnerKeyRepository}, with the rows
 * they map), and what the database promises: {@link io.broadsheet.storage.Database} knows which one is in use (H2
 * or PostgreSQL, asked once); {@link io.broadsheet.storage.CommitCheckpoints} writes each H2 commit to the file
 * before the caller answers, with H2's compaction left running; {@link io.broadsheet.storage.Durability} lets a bulk
 * import make its chunks durable once; {@link io.broadsheet.storage.Statements} runs JDBC batches;
 * {@link io.broadsheet.storage.Identities} reads and moves the id identities (after rows inserted with ids of their own).
 */
package io.broadsheet.storage;
