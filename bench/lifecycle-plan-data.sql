-- The syndication lifecycle's rows at a realistic size, on a 1,000,000-article archive that carries V6, as of
-- 2026-01-05 00:00 UTC (the instant the explain-lifecycle-*.sql files take as now). Portable: the same file runs
-- on PostgreSQL (psql -f) and on H2 (RunScript or Shell). It writes what FeedIndex would for these articles:
--   - 3,000 articles withdrawn over the 30 days before (100 a day, the default tombstone-days), each withdrawn
--     article a tombstone in every feed that held it (9,525 rows on the generated PostgreSQL archive, 9,861 on the
--     corpus) and none of its feed_item rows left,
--   - 100,000 live articles with a usage window ending in the coming year (article.expires_at, article_expiry).
-- Then lifecycle-plan-data-stress.sql adds what one agency's contract ending would leave.

UPDATE feed_release SET counted_through = TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' WHERE id = 1;

-- ids 7, 327, 647, ... 959687: articles from the whole archive, published before the 30 days, withdrawn in an
-- order unrelated to their ids (1237 is prime to 3000)
UPDATE article
SET withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00'
        - INTERVAL '864' SECOND * (MOD(id / 320 * 1237, 3000) + 1),
    updated_at = TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00'
        - INTERVAL '864' SECOND * (MOD(id / 320 * 1237, 3000) + 1),
    withdrawn_reason = 'Withdrawn at the request of the agency: rights to this story were not cleared.',
    version = version + 1
WHERE MOD(id, 320) = 7 AND id < 960000;

INSERT INTO feed_tombstone (feed, withdrawn_at, article_id)
SELECT f.feed, a.withdrawn_at, a.id
FROM article a
JOIN feed_count c ON 1 = 1
JOIN feed_item f ON f.feed = c.feed AND f.published_at = a.published_at AND f.article_id = a.id
WHERE MOD(a.id, 320) = 7 AND a.id < 960000;

MERGE INTO feed_item f
USING (SELECT t.feed, a.published_at, a.id FROM feed_tombstone t JOIN article a ON a.id = t.article_id) w
ON f.feed = w.feed AND f.published_at = w.published_at AND f.article_id = w.id
WHEN MATCHED THEN DELETE;

UPDATE feed_count SET
    visible = visible - (SELECT COUNT(*) FROM feed_tombstone t WHERE t.feed = feed_count.feed),
    total = total - (SELECT COUNT(*) FROM feed_tombstone t WHERE t.feed = feed_count.feed);

-- ids 3, 13, 23, ...: 100,000 live articles whose window ends within a year, at instants spread over it
UPDATE article
SET expires_at = TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00'
        + INTERVAL '1' SECOND * (MOD(id * 7919, 31536000) + 1)
WHERE MOD(id, 10) = 3;

INSERT INTO article_expiry (expires_at, article_id)
SELECT expires_at, id FROM article WHERE MOD(id, 10) = 3;
