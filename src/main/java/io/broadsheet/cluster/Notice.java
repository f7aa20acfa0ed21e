package io.broadsheet.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * What one committed change tells the other instances, as the payload of a PostgreSQL NOTIFY:
 * {@code <version> <instance> <kind> [<feed name>...]}, space-separated (feed names have no spaces).
 *
 * @param version  the change's {@code feed_release.change_version}: versions follow commit order
 * @param instance the instance that made the change: it has already applied it
 * @param kind     what changed
 * @param feeds    the feeds whose rendered documents changed, for {@link Kind#FEEDS}
 */
record Notice(long version, String instance, Kind kind, List<String> feeds) {

    /** NOTIFY payloads are limited to 8,000 bytes; past this a change tells instances to drop every feed. */
    static final int MAX_PAYLOAD = 7_000;

    enum Kind {
        /** Some feeds changed (their names follow). */
        FEEDS,
        /** Every feed changed (a category's name or description labels items everywhere). */
        ALL,
        /** Partner keys were created or revoked. */
        KEYS
    }

    Notice {
        feeds = List.copyOf(feeds);
    }

    String encode() {
        StringBuilder payload = new StringBuilder().append(version).append(' ').append(instance).append(' ').append(kind);
        for (String feed : feeds) {
            payload.append(' ').append(feed);
        }
        if (payload.length() > MAX_PAYLOAD) {
            return new Notice(version, instance, Kind.ALL, List.of()).encode();
        }
        return payload.toString();
    }

    /** The notice of a payload, or null when it is not one of ours. */
    static Notice decode(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length < 3) {
            return null;
        }
        try {
            return new Notice(Long.parseLong(parts[0]), parts[1], Kind.valueOf(parts[2]),
                    Arrays.asList(parts).subList(3, parts.length));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
