-- Several instances on one PostgreSQL. Every change to what instances hold in memory (rendered feeds, partner
-- keys) increments change_version in the writing transaction, under the row lock every write takes, so versions
-- follow commit order; the transaction also sends a NOTIFY naming it. An instance that missed a version (its
-- listening connection dropped) drops its caches instead of serving stale feeds.
ALTER TABLE feed_release ADD COLUMN change_version BIGINT NOT NULL DEFAULT 0;

-- The first pages served, by validator: an RFC 3229 delta request may name a version another instance served.
-- feed is '<name>.<extension>'; etag is the identity representation's validator without quotes (the gzip one
-- adds '-gzip'); changed_at is that version's Last-Modified, the base of the delta.
CREATE TABLE feed_version (
    feed        VARCHAR(220) NOT NULL,
    etag        VARCHAR(64)  NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (feed, etag)
);

CREATE INDEX feed_version_recorded_idx ON feed_version (recorded_at);
