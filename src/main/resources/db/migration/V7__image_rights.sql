-- Rights and renditions of an image. Portable DDL: the same file runs on H2 (PostgreSQL mode) and on PostgreSQL.
-- Nullable columns without a default: PostgreSQL adds them without rewriting the table.
-- renditions holds the other sizes of the picture in one text value rather than a child table (an extra table
-- would cost index insertions for every imported article): one line per rendition, "width<TAB>height<TAB>
-- mimeType<TAB>url", "-" for an unknown value; NULL when there are none (see ArticleImage.Rendition).
ALTER TABLE article_image ADD COLUMN copyright VARCHAR(500);
ALTER TABLE article_image ADD COLUMN license VARCHAR(2048);
ALTER TABLE article_image ADD COLUMN renditions TEXT;
