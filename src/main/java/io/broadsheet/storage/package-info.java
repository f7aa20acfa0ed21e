/**
 * How the embedded database keeps its promises: {@link io.broadsheet.storage.CommitCheckpoints} writes each H2
 * commit to the file before the caller answers, with H2's compaction left running.
 */
package io.broadsheet.storage;
