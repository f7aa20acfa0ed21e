-- The plans of what the stats report (/api/stats/feeds, the newsroom dashboard) reads, for the default 30 days, on
-- the database bench/stats-flood.sh leaves (/tmp/broadsheet-stats-flood/data): each a range of the table's primary
-- key, which starts with utc_day. Run with H2's jar, the service stopped:
-- java -cp h2.jar org.h2.tools.Shell -url 'jdbc:h2:file:/tmp/broadsheet-stats-flood/data/broadsheet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE' -user sa -sql "$(cat bench/explain-stats-h2.sql)"
SELECT COUNT(*) AS poll_day_rows FROM poll_day;
SELECT COUNT(*) AS poll_subscribers_rows FROM poll_subscribers;
SELECT COUNT(*) AS poll_pollers_rows FROM poll_pollers;
EXPLAIN ANALYZE SELECT utc_day, feed, fetcher, SUM(polls), SUM(not_modified) FROM poll_day
    WHERE utc_day >= CURRENT_DATE - 29 GROUP BY utc_day, feed, fetcher;
EXPLAIN ANALYZE SELECT utc_day, feed, fetcher, subscribers FROM poll_subscribers WHERE utc_day >= CURRENT_DATE - 29;
EXPLAIN ANALYZE SELECT utc_day, feed, pollers FROM poll_pollers WHERE utc_day >= CURRENT_DATE - 29;
