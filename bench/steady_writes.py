#!/usr/bin/env python3
"""Replaces articles one PUT at a time at a fixed rate and reports the database file's size every minute."""
import http.client
import json
import os
import random
import sys
import time


def main():
    port, token, corpus, seconds, rate, database = (int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]),
                                                    float(sys.argv[5]), sys.argv[6])
    rnd = random.Random(7)
    articles = []
    with open(corpus, encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n >= 50_000:
                break
            articles.append(json.loads(line))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    start = time.time()
    next_report = start
    writes = failures = 0
    while time.time() - start < seconds:
        now = time.time()
        if now >= next_report:
            print("%5.0f s  %6d writes  %3d failed  database %.1f MiB" % (now - start, writes, failures,
                  os.path.getsize(database) / 1048576), flush=True)
            next_report += 60
        article = dict(rnd.choice(articles))
        article["summary"] = (article.get("summary") or "")[:4000] + " Updated %d." % writes
        conn.request("PUT", "/api/articles/" + article["slug"], body=json.dumps(article), headers=headers)
        response = conn.getresponse()
        response.read()
        writes += 1
        if response.status not in (200, 201):
            failures += 1
        time.sleep(max(0.0, start + writes / rate - time.time()))
    print("%5.0f s  %6d writes  %3d failed  database %.1f MiB" % (time.time() - start, writes, failures,
          os.path.getsize(database) / 1048576), flush=True)


if __name__ == "__main__":
    main()
