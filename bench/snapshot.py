#!/usr/bin/env python3
"""Saves every answer a reader, partner or aggregator can get from a running Broadsheet, one file each.

Usage: snapshot.py BASE_URL ADMIN_TOKEN PARTNER_KEY SLUGS_FILE OUT_DIR
Every feed the OPML lists (and its partner feeds with the key), in every format, every page (?page=N until the
first 404), the browser view of each first page, the home page, every category page and page of it, every
article's page and API answer, the API's listings, the OPML, the API description and the JSON Feed media docs.
Each file holds the status, the header fields that describe the answer (Date and the request's own are left out)
and the body. Two snapshots of the same database compare with `diff -r`.
"""
import hashlib
import http.client
import json
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

KEPT = ("content-type", "content-length", "etag", "last-modified", "cache-control", "vary", "link",
        "expires", "x-content-type-options", "content-security-policy", "referrer-policy", "location",
        "retry-after", "x-robots-tag", "content-encoding", "allow")
FORMATS = ("rss", "atom", "json")
MAX_PAGES = 25


class Crawler:
    def __init__(self, base, out):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.out = out
        self.conn = None
        self.saved = 0

    def get(self, path, headers=None, method="GET"):
        for attempt in range(3):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                self.conn.request(method, path, headers=headers or {})
                answer = self.conn.getresponse()
                body = answer.read()
                if answer.getheader("connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return answer.status, answer.getheaders(), body
            except (http.client.HTTPException, OSError):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise

    def save(self, path, headers=None, method="GET", label=""):
        status, fields, body = self.get(path, headers, method)
        kept = sorted((k.lower(), v) for k, v in fields if k.lower() in KEPT)
        name = re.sub(r"[^A-Za-z0-9._-]", "_", method + label + path)
        if len(name) > 150:
            name = name[:100] + hashlib.sha1(name.encode()).hexdigest()
        with open(os.path.join(self.out, name), "wb") as f:
            f.write(("%s %s %s\n" % (method, path, label)).encode())
            f.write(("%d\n" % status).encode())
            for k, v in kept:
                f.write(("%s: %s\n" % (k, v)).encode())
            f.write(b"\n")
            f.write(body)
        self.saved += 1
        return status, body


def feed_paths(crawler):
    status, body = crawler.save("/feeds.opml")
    paths = set()
    for outline in ET.fromstring(body).iter("outline"):
        url = outline.get("xmlUrl")
        if url:
            path = urllib.parse.urlsplit(url).path
            paths.add(path.rsplit(".", 1)[0])
    return sorted(paths)


def crawl_feed(crawler, stem, query=""):
    for fmt in FORMATS:
        for page in range(1, MAX_PAGES + 1):
            params = [query] if query else []
            if page > 1:
                params.append("page=%d" % page)
            path = "%s.%s" % (stem, fmt) + ("?" + "&".join(params) if params else "")
            status, _ = crawler.save(path)
            if page == 1:
                crawler.save(path, {"Accept": "text/html"}, label="-html")
                crawler.save(path, {"Accept-Encoding": "gzip"}, label="-gzip")
                crawler.save(path, method="HEAD")
            if status != 200:
                break


def main():
    base, token, key, slugs_file, out = sys.argv[1:6]
    os.makedirs(out, exist_ok=True)
    crawler = Crawler(base, out)
    admin = {"Authorization": "Bearer " + token}
    for stem in feed_paths(crawler):
        crawl_feed(crawler, stem)
    for partner_feed in sys.argv[6:]:
        crawl_feed(crawler, "/feeds/" + partner_feed, "key=" + key)
        crawler.save("/feeds/%s.rss" % partner_feed, label="-nokey")
    crawler.save("/")
    _, _, body = crawler.get("/api/categories", admin)
    crawler.save("/api/categories", admin)
    for category in json.loads(body):
        slug = category["slug"]
        for page in range(1, MAX_PAGES + 1):
            path = "/categories/%s" % slug + ("" if page == 1 else "?page=%d" % page)
            status, _ = crawler.save(path)
            if status != 200:
                break
    with open(slugs_file) as f:
        slugs = [line.strip() for line in f if line.strip()]
    for slug in slugs:
        crawler.save("/articles/" + slug)
        crawler.save("/api/articles/" + slug, admin)
    for page in range(1, 4):
        crawler.save("/api/articles?page=%d" % page, admin)
    for path in ("/openapi.yml", "/docs/api", "/docs/json-feed-media", "/feeds/nope.rss",
                 "/articles/nope", "/categories/nope", "/feeds/all.rss?page=0", "/feeds/all.rss?page=-1",
                 "/feeds/all.rss?page=x", "/categories/world?page=x"):
        crawler.save(path)
    print("saved %d answers into %s" % (crawler.saved, out))


if __name__ == "__main__":
    main()
