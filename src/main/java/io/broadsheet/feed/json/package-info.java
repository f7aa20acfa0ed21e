/** JSON Feed 1.1 rendering: {@link io.broadsheet.feed.json.JsonFeedRenderer} and its document records. */
package io.broadsheet.feed.json;
