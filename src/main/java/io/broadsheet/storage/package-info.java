/**
 * The database and what it promises: {@link io.broadsheet.storage.Database} knows which one is in use (H2 or
 * PostgreSQL, asked once); {@link io.broadsheet.storage.CommitCheckpoints} writes each H2 commit to the file before
 * the caller answers, with H2's compaction left running; {@link io.broadsheet.storage.Durability} lets a bulk import
 * make its chunks durable once; {@link io.broadsheet.storage.Statements} runs JDBC batches;
 * {@link io.broadsheet.storage.Identities} reads and moves the id identities (after rows inserted with ids of their own).
 */
package io.broadsheet.storage;
