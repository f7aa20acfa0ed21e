#!/usr/bin/env bash
# Deep pages under load (issue 17, point 6): 64 clients, each a client address of its own, walking deep pages of
# `all` and of a category, while readiness is probed (curl, p50) and a cached feed is polled (wrk, p99). Two runs:
# clients following the keyset `next` cursors from pages 11-20 (bench/deep_walkers.py cursor), and clients asking
# for random deep page numbers 11-1990 as in the issue (page). Loopback only, bounded in time; prints Markdown.
#
# Needs: Java 17, the jar (./mvnw -B -q clean package -DskipTests), wrk, curl, python3, and a COPY of a database
# (the script serves it and may write to it), e.g. the 1,000,000-article H2 folder.
# Usage: bench/deep-pages.sh <data folder> [seconds per run, default 30] [admin token]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:?usage: bench/deep-pages.sh <data folder copy> [seconds] [admin token]}
SECS=${2:-30}
TOKEN=${3:-bench-token-000000000000000000000000}
PORT=18801
CLIENTS=64
WORK=$(mktemp -d /tmp/deep-pages.XXXXXX)
APP=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$DATA" BROADSHEET_ADMIN_TOKEN=$TOKEN BROADSHEET_SAMPLE_DATA=false \
  BROADSHEET_CONFIG_DIR=./feeds-config BROADSHEET_SITE_BASE_URL=http://127.0.0.1:$PORT \
  BROADSHEET_TRUSTED_PROXIES=127.0.0.1/32 \
  timeout $((SECS * 2 + 400)) java -Xmx256m -jar target/broadsheet-0.1.0.jar > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null "127.0.0.1:$PORT/health/readiness" && break; sleep 0.5; done
curl -sf -o /dev/null "127.0.0.1:$PORT/health/readiness" || { tail -20 "$WORK/app.log"; exit 1; }
CATEGORY=$(curl -sf -H "Authorization: Bearer $TOKEN" "127.0.0.1:$PORT/api/categories" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("categories", d) if isinstance(d, dict) else d; print(d[0]["slug"])')
CACHED="/feeds/$CATEGORY.rss"
for _ in 1 2 3; do curl -sf -o /dev/null -H 'Accept-Encoding: gzip' "127.0.0.1:$PORT$CACHED"; done

readiness() {  # seconds: one probe every 100 ms; prints p50 and p99 in ms
  local end=$((SECONDS + $1))
  : > "$WORK/ready.txt"
  while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 20 "127.0.0.1:$PORT/health/readiness" >> "$WORK/ready.txt" || true
    sleep 0.1
  done
  python3 - "$WORK/ready.txt" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
t = sorted(float(r[1]) * 1000 for r in rows)
ok = sum(1 for r in rows if r[0] == "200")
print("%.1f ms p50, %.1f ms p99 (%d probes, %d answered 200)" % (t[len(t) // 2], t[min(len(t) - 1, int(len(t) * 0.99))], len(t), ok))
PY
}
cached() {  # seconds: wrk on the cached feed, 2 connections; prints rate, p50 and p99
  wrk -t1 -c2 -d"$1"s --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT$CACHED" > "$WORK/wrk.txt"
  python3 - "$WORK/wrk.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rate = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
p = dict(re.findall(r"\s(50|99)%\s+([\d.]+\w+)", t))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print("%s req/s, %s p50, %s p99%s" % (rate, p.get("50"), p.get("99"), ", non-2xx: " + errors.group(1) if errors else ""))
PY
}

echo "### Deep pages, $(date -u +%Y-%m-%d) ($CLIENTS clients, ${SECS} s a run, -Xmx256m, feeds all.json and $CATEGORY.atom)"
echo
echo "- idle: readiness $(readiness 5); cached $CACHED $(cached 5)"
for mode in cursor page; do
  python3 bench/deep_walkers.py $PORT $mode $CLIENTS "$SECS" "all.json,$CATEGORY.atom" > "$WORK/walkers.json" &
  WALKERS=$!
  sleep 3
  cached $((SECS - 8)) > "$WORK/cached.txt" &
  CACHED_PID=$!
  READY=$(readiness $((SECS - 8)))
  wait $CACHED_PID
  wait $WALKERS
  echo "- $mode: readiness $READY; cached $CACHED $(cat "$WORK/cached.txt"); clients $(cat "$WORK/walkers.json")"
done
