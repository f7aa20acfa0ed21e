#!/usr/bin/env python3
"""Deep-page clients for bench/deep-pages.sh: N threads, each a client address of its own (X-Forwarded-For, the
service trusting loopback as its proxy), for a fixed time.

mode "cursor": start at a numbered page (11..20) of a feed and follow the Link header's rel="next" (keyset cursors)
to the end, then start again. mode "page": GET ?page=N for random deep N (11..1990), as the issue's clients did.
A 429 or 503 is honoured: the client waits Retry-After seconds. Prints one JSON line of counts and latencies.
"""
import http.client
import json
import random
import re
import sys
import threading
import time

port, mode, clients, seconds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
feeds = sys.argv[5].split(",")
NEXT = re.compile(r'<http://[^/]+(/[^>]*)>; rel="next"')
lock = threading.Lock()
statuses, latencies = {}, []


def client(n):
    rng = random.Random(n)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"X-Forwarded-For": "10.77.%d.%d" % (n // 250, n % 250 + 1), "Accept-Encoding": "gzip"}
    feed = feeds[n % len(feeds)]
    path = None
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if path is None or mode == "page":
            path = "/feeds/%s?page=%d" % (feed, rng.randint(11, 20) if mode == "cursor" else rng.randint(11, 1990))
        start = time.monotonic()
        try:
            conn.request("GET", path, headers=headers)
            answer = conn.getresponse()
            answer.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                statuses["error"] = statuses.get("error", 0) + 1
            continue
        took = time.monotonic() - start
        with lock:
            statuses[answer.status] = statuses.get(answer.status, 0) + 1
            if answer.status == 200:
                latencies.append(took)
        if answer.status in (429, 503):
            time.sleep(min(float(answer.getheader("Retry-After", "1")), max(0.0, end - time.monotonic())))
            continue
        if mode == "cursor":
            found = NEXT.search(", ".join(answer.headers.get_all("Link") or []))
            path = found.group(1) if found else None


threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
began = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join(seconds + 35)
elapsed = time.monotonic() - began
latencies.sort()
pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000, 1) if latencies else None
print(json.dumps({"mode": mode, "clients": clients, "seconds": round(elapsed, 1),
                  "statuses": {str(k): v for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))},
                  "pages_per_s": round(statuses.get(200, 0) / elapsed, 1), "p50_ms": pick(0.5), "p99_ms": pick(0.99)}))
