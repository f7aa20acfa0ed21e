-- The sitemaps (io.broadsheet.sitemap): a page /sitemaps/articles-N.xml is a range of article ids, and the index
-- summarises each page (its readable articles, its latest change). This index holds every column those read, so
-- both are one range of it, read without the article rows (which carry bodies and JSON columns): at a million
-- articles a page's summary reads about 700 index pages instead of 50,000 rows. Creating it on an archive of a
-- million articles took about three minutes on H2 (bench/RESULTS.md, "Sitemaps at a million articles").
CREATE INDEX article_sitemap_idx ON article (id, published_at, updated_at, withdrawn_at, slug);
