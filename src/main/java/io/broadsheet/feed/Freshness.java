package io.broadsheet.feed;

/**
 * One freshness figure, said the ways feeds say it: RSS {@code ttl} in minutes and the Syndication module's
 * update period and frequency. Spec: https://web.resource.org/rss/1.0/modules/syndication/
 *
 * @param ttlMinutes      RSS ttl, at least 1
 * @param updatePeriod    sy:updatePeriod: hourly, daily or weekly
 * @param updateFrequency sy:updateFrequency: updates per period, at least 1
 */
public record Freshness(int ttlMinutes, String updatePeriod, int updateFrequency) {

    private static final int HOUR = 3_600;
    private static final int DAY = 86_400;

    public static Freshness of(int maxAgeSeconds) {
        int seconds = Math.max(60, maxAgeSeconds);
        int ttl = (seconds + 59) / 60;
        if (seconds <= HOUR) {
            return new Freshness(ttl, "hourly", Math.max(1, HOUR / seconds));
        }
        if (seconds <= DAY) {
            return new Freshness(ttl, "daily", Math.max(1, DAY / seconds));
        }
        return new Freshness(ttl, "weekly", Math.max(1, 7 * DAY / seconds));
    }
}
