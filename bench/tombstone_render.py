#!/usr/bin/env python3
"""First-page cold renders of a category feed as tombstones are added to it, and the time of each withdrawal.

For each stage (a number of tombstones) it withdraws the category's oldest live articles until the feed carries that
many tombstones, then, 20 times per format, rewrites one of the feed's articles (not timed) and times the first page.
Prints: stage tombstones, withdrawal p50/p99 ms, and per format the first page's p50/p99 ms and its size in bytes.
Usage: tombstone_render.py PORT ADMIN_TOKEN CATEGORY STAGE [STAGE ...]
"""
import http.client
import json
import sys
import time

from cold_render import percentile, rewrite, timed_get

FORMATS = ("rss", "atom", "json")
RENDERS = 20


def api(conn, method, path, token, body=None):
    headers = {"Authorization": "Bearer " + token}
    if body is not None:
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit("%s %s answered %d: %s" % (method, path, response.status, data[:200]))
    return json.loads(data) if data else None


def main():
    port, token, category = sys.argv[1], sys.argv[2], sys.argv[3]
    stages = [int(s) for s in sys.argv[4:]]
    conn = http.client.HTTPConnection("localhost", int(port), timeout=60)
    total = api(conn, "GET", "/api/articles?category=%s&size=1" % category, token)["total"]
    # the oldest articles of the category, to withdraw: the last pages of the listing
    size = 100
    last_page = (total + size - 1) // size
    victims = []
    page = last_page
    while len(victims) < max(stages) and page >= 1:
        items = api(conn, "GET", "/api/articles?category=%s&size=%d&page=%d" % (category, size, page), token)["items"]
        victims.extend(a["slug"] for a in reversed(items))
        page -= 1
    keep = api(conn, "GET", "/api/articles?category=%s&size=5&page=1" % category, token)["items"][0]["slug"]
    withdrawn = 0
    n = 0
    for stage in stages:
        times = []
        while withdrawn < stage:
            start = time.perf_counter()
            api(conn, "POST", "/api/articles/%s/withdraw" % victims[withdrawn], token, json.dumps({"reason": "bench"}))
            times.append((time.perf_counter() - start) * 1000)
            withdrawn += 1
        line = "tombstones %d" % stage
        if times:
            line += " withdraw_p50_ms %.1f withdraw_p99_ms %.1f" % (percentile(times, 50), percentile(times, 99))
        print(line, flush=True)
        for fmt in FORMATS:
            path = "/feeds/%s.%s" % (category, fmt)
            timed_get(conn, path)  # warm
            renders, length = [], 0
            for _ in range(RENDERS):
                n += 1
                rewrite(conn, keep, token, n)
                status, _, body, elapsed = timed_get(conn, path)
                if status != 200:
                    raise SystemExit("%s answered %d" % (path, status))
                renders.append(elapsed)
                length = len(body)
            print("  %s first page p50_ms %.1f p99_ms %.1f bytes %d" % (fmt, percentile(renders, 50),
                                                                      percentile(renders, 99), length), flush=True)


if __name__ == "__main__":
    main()
