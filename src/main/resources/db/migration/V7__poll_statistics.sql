-- Who polls the feeds, by day (UTC): what GET /api/stats/feeds reports. No address is stored: a poller is a salted
-- hash of its address and User-Agent under that day's salt, which changes every day.
-- Rows are added to by every instance (polls + n), so the figures add up across instances.
CREATE TABLE poll_day (
    utc_day      DATE         NOT NULL,
    feed         VARCHAR(200) NOT NULL,
    format       VARCHAR(10)  NOT NULL,
    fetcher      VARCHAR(100) NOT NULL,
    polls        BIGINT       NOT NULL,
    not_modified BIGINT       NOT NULL,
    PRIMARY KEY (utc_day, feed, format, fetcher)
);

-- The subscriber count a fetcher last announced for a feed on a day (Feedly, Inoreader, NewsBlur... say it in their
-- User-Agent), and when.
CREATE TABLE poll_subscribers (
    utc_day     DATE         NOT NULL,
    feed        VARCHAR(200) NOT NULL,
    fetcher     VARCHAR(100) NOT NULL,
    subscribers BIGINT       NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (utc_day, feed, fetcher)
);

-- Distinct pollers of a feed on a day that announce no subscriber count: one row each, keyed by the salted hash.
CREATE TABLE poll_poller (
    utc_day DATE         NOT NULL,
    feed   VARCHAR(200) NOT NULL,
    poller BIGINT       NOT NULL,
    PRIMARY KEY (utc_day, feed, poller)
);

-- Each day's salt, shared by the instances so that one poller counts once; a day's salt is never used on another.
CREATE TABLE poll_salt (
    utc_day DATE        PRIMARY KEY,
    salt VARCHAR(64) NOT NULL
);
