#!/usr/bin/env python3
"""Cold feed renders against a running Broadsheet: pages that no cache holds, timed one request at a time.

For each feed and format it times
  - pages 11 to 20 (the cache keeps pages 1-10, so every one of these is rendered for the request; the service
    answers 400 past broadsheet.paging.max-page, 20 by default),
  - the first page right after a write that touches the feed (PUT of one of its articles, not timed),
  - an RFC 3229 delta (A-IM: feed with the ETag of an earlier first page),
and prints one line per measurement: feed format kind p50_ms p99_ms n.
Usage: cold_render.py PORT ADMIN_TOKEN FEED [FEED ...]
"""
import http.client
import json
import statistics
import sys
import time

FORMATS = ("rss", "atom", "json")
PAGES = range(11, 21)
AFTER_WRITE = 20


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def timed_get(conn, path, headers=None):
    start = time.perf_counter()
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    return response.status, response.getheader("ETag"), body, elapsed


def first_item_slug(conn, feed, token):
    """The slug of an article the feed holds, read through the API from the feed's JSON first page."""
    status, _, body, _ = timed_get(conn, "/feeds/%s.json" % feed)
    if status != 200:
        raise SystemExit("feed %s answered %d" % (feed, status))
    url = json.loads(body)["items"][-1]["url"]
    return url.rstrip("/").rsplit("/", 1)[-1]


def rewrite(conn, slug, token, n):
    conn.request("GET", "/api/articles/" + slug, headers={"Authorization": "Bearer " + token})
    response = conn.getresponse()
    article = json.loads(response.read())
    for key in ("id", "createdAt", "updatedAt", "version"):
        article.pop(key, None)
    article["summary"] = (article.get("summary") or "")[:4000] + " (revision %d)" % n
    body = json.dumps(article)
    conn.request("PUT", "/api/articles/" + slug, body=body,
                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit("PUT %s answered %d" % (slug, response.status))


def report(feed, fmt, kind, times):
    print("%s %s %s %.2f %.2f %d" % (feed, fmt, kind, statistics.median(times), percentile(times, 99), len(times)))
    sys.stdout.flush()


def main():
    port, token, feeds = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for feed in feeds:  # warm the code paths (the JIT), not the data: these pages are never cached
        for fmt in FORMATS:
            for page in PAGES:
                timed_get(conn, "/feeds/%s.%s?page=%d" % (feed, fmt, page))
    for feed in feeds:
        slug = first_item_slug(conn, feed, token)
        for fmt in FORMATS:
            path = "/feeds/%s.%s" % (feed, fmt)
            pages = []
            for page in PAGES:
                status, _, _, ms = timed_get(conn, "%s?page=%d" % (path, page))
                if status != 200:
                    raise SystemExit("%s?page=%d answered %d" % (path, page, status))
                pages.append(ms)
            report(feed, fmt, "page-11-20", pages)
            firsts, deltas = [], []
            for n in range(AFTER_WRITE):
                _, before, _, _ = timed_get(conn, path)
                rewrite(conn, slug, token, n)
                status, _, _, ms = timed_get(conn, path)
                if status != 200:
                    raise SystemExit("%s after a write answered %d" % (path, status))
                firsts.append(ms)
                status, _, _, ms = timed_get(conn, path, {"A-IM": "feed", "If-None-Match": before})
                if status != 226:
                    raise SystemExit("delta of %s answered %d" % (path, status))
                deltas.append(ms)
            report(feed, fmt, "first-after-write", firsts)
            report(feed, fmt, "delta", deltas)


if __name__ == "__main__":
    main()
