-- The distinct pollers of a feed on a day as one HyperLogLog sketch (PollerSketch: 4,096 one-byte registers) and its
-- estimate, instead of one poll_poller row per poller: a flood of made-up pollers no longer adds rows, and the report
-- reads one number per feed and day. Instances merge their sketches into the row (register by register, the larger
-- wins), so the figure is that of the union. poll_poller's rows are folded into sketches at start (PollStore).
CREATE TABLE poll_pollers (
    utc_day DATE         NOT NULL,
    feed    VARCHAR(200) NOT NULL,
    pollers BIGINT       NOT NULL,
    sketch  BYTEA        NOT NULL,
    PRIMARY KEY (utc_day, feed)
);

-- Fetchers are now the known readers (Fetcher), 'other' and 'unknown': every other name earlier versions wrote (the
-- first product token of any User-Agent, one row per made-up name) is folded into 'other'.
CREATE TABLE poll_day_folded AS
    SELECT utc_day, feed, format, SUM(polls) AS polls, SUM(not_modified) AS not_modified FROM poll_day
    WHERE fetcher NOT IN ('Feedly', 'Inoreader', 'NewsBlur', 'Feedbin', 'The Old Reader', 'NetNewsWire', 'newsboat',
                          'Miniflux', 'Tiny Tiny RSS', 'FreshRSS', 'FeedPress', 'BazQux', 'Superfeedr', 'unknown')
    GROUP BY utc_day, feed, format;
DELETE FROM poll_day
    WHERE fetcher NOT IN ('Feedly', 'Inoreader', 'NewsBlur', 'Feedbin', 'The Old Reader', 'NetNewsWire', 'newsboat',
                          'Miniflux', 'Tiny Tiny RSS', 'FreshRSS', 'FeedPress', 'BazQux', 'Superfeedr', 'unknown');
INSERT INTO poll_day (utc_day, feed, format, fetcher, polls, not_modified)
    SELECT utc_day, feed, format, 'other', polls, not_modified FROM poll_day_folded;
DROP TABLE poll_day_folded;

-- Subscriber counts are believed only from known readers, and only up to 10,000,000 (Fetcher.MAX_SUBSCRIBERS).
DELETE FROM poll_subscribers
    WHERE subscribers > 10000000
       OR fetcher NOT IN ('Feedly', 'Inoreader', 'NewsBlur', 'Feedbin', 'The Old Reader', 'NetNewsWire', 'newsboat',
                          'Miniflux', 'Tiny Tiny RSS', 'FreshRSS', 'FeedPress', 'BazQux', 'Superfeedr');
