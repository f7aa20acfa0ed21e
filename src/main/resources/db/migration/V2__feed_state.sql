-- When each feed's content last changed: the Last-Modified of its documents, which never moves backwards.
-- Rows named '#site' (category names and descriptions) and '#config' (feeds-config) concern every feed.
CREATE TABLE feed_state (
    name          VARCHAR(200) PRIMARY KEY,
    last_modified TIMESTAMP WITH TIME ZONE NOT NULL,
    fingerprint   VARCHAR(64)
);
