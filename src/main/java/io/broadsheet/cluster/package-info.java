/**
 * Several instances on one PostgreSQL: {@link io.broadsheet.cluster.ClusterChanges} tells the others, inside the
 * writing transaction, what changed; {@link io.broadsheet.cluster.ChangeListener} hears them and publishes each notice
 * as a {@link io.broadsheet.cluster.ClusterNotice} event, which the feed cache, the partner keys and the release timer
 * listen for. The change version, NOTIFY and LISTEN are {@code io.broadsheet.storage.NoticeRepository}'s statements.
 * Read {@link io.broadsheet.cluster.ChangeListener} first.
 */
package io.broadsheet.cluster;
