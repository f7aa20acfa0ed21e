-- A 1,000,000-article archive on PostgreSQL for the plans of explain-lifecycle-postgresql.sql, shaped like the
-- corpus of tools/corpus/generate.py --every 2 (what archive-scale.sh imports): one article every 2 minutes from
-- 2022-03-17 to 2026-01-04, bodies of 0.75 to 1.8 kB (1.3 kB on average, stored inline like the corpus's 1.6 kB),
-- 1 to 3 of 14 categories, 0 to 4 of 17 tags, the feeds' rows and counts as FeedIndex keeps them ('all', one per
-- category, and the named feeds of feeds-config/broadsheet.yml: balkans by tags, european-politics by categories).
-- Images and authors are left out: no query explained here reads them. 3 minutes on 2 cores; 2.5 GB.
--
-- On an empty database carrying V1 to V6 (src/main/resources/db/migration, applied in order with psql):
--   createdb -O broadsheet bslifecycle
--   for f in src/main/resources/db/migration/V*.sql; do psql -h localhost -U broadsheet bslifecycle -f "$f"; done
--   psql -h localhost -U broadsheet bslifecycle -f bench/lifecycle-plan-data-postgresql.sql
--   psql -h localhost -U broadsheet bslifecycle -f bench/lifecycle-plan-data.sql
\set ON_ERROR_STOP 1
SET synchronous_commit = off;

INSERT INTO category (slug, name)
SELECT s, initcap(s) FROM unnest(ARRAY['world', 'europe', 'politics', 'business', 'technology', 'science', 'health',
    'sports', 'culture', 'climate', 'africa', 'asia', 'americas', 'opinion']) s;

INSERT INTO article (id, slug, title, summary, body, url, language, published_at, created_at, updated_at, version)
SELECT n, 'headline-of-article-' || n, 'Headline of article ' || n,
       repeat('A sentence of the summary, as long as the corpus ones. ', 3),
       repeat('<p>A paragraph of the body, about as long as a paragraph of the corpus.</p>', 10 + (hashint4(n) & 1048575) % 15),
       'https://news.example.com/articles/' || n, 'en', p, p, p, 0
FROM (SELECT n, TIMESTAMP WITH TIME ZONE '2022-03-17 10:00:00+00' + n * INTERVAL '2 minutes'
                + ((hashint4(n + 1) & 1048575) % 31) * INTERVAL '3 seconds' AS p
      FROM generate_series(1, 1000000) n) g;
SELECT setval(pg_get_serial_sequence('article', 'id'), 1000000);

INSERT INTO article_category (article_id, ordinal, category_slug)
SELECT n, j, (ARRAY['world', 'europe', 'politics', 'business', 'technology', 'science', 'health', 'sports', 'culture',
    'climate', 'africa', 'asia', 'americas', 'opinion'])[1 + (b + j) % 14]
FROM (SELECT n, (hashint4(n + 7) & 1048575) % 14 AS b, (ARRAY[1, 1, 2, 2, 3])[1 + (hashint4(n + 11) & 1048575) % 5] AS k
      FROM generate_series(1, 1000000) n) g
CROSS JOIN generate_series(0, 2) j
WHERE j < k;

INSERT INTO article_tag (article_id, ordinal, tag, tag_key)
SELECT n, j, t, lower(t)
FROM (SELECT n, j, (ARRAY['NATO', 'EU', 'UN', 'Kosovo', 'Serbia', 'Ukraine', 'Russia', 'Germany', 'France', 'economy',
          'energy', 'diplomacy', 'elections', 'climate', 'football', 'AI', 'health'])[1 + ((hashint4(n + 17) & 1048575) + j) % 17] AS t
      FROM generate_series(1, 1000000) n CROSS JOIN generate_series(0, 3) j
      WHERE j < (hashint4(n + 13) & 1048575) % 5) g;

INSERT INTO feed_item (feed, published_at, article_id)
SELECT 'all', published_at, id FROM article;
INSERT INTO feed_item (feed, published_at, article_id)
SELECT 'category:' || c.category_slug, a.published_at, a.id FROM article_category c JOIN article a ON a.id = c.article_id;
INSERT INTO feed_item (feed, published_at, article_id)
SELECT 'feed:balkans', a.published_at, a.id FROM article a
WHERE EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo', 'serbia'));
INSERT INTO feed_item (feed, published_at, article_id)
SELECT 'feed:european-politics', a.published_at, a.id FROM article a
WHERE EXISTS (SELECT 1 FROM article_category c WHERE c.article_id = a.id AND c.category_slug IN ('europe', 'politics'));

UPDATE feed_release SET counted_through = TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' WHERE id = 1;
INSERT INTO feed_count (feed, visible, total)
SELECT feed, COUNT(*), COUNT(*) FROM feed_item GROUP BY feed;

VACUUM ANALYZE category, article, article_category, article_tag, feed_item, feed_count, feed_release;
