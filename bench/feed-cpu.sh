#!/usr/bin/env bash
# CPU time the service spends per cached feed answer (identity, gzip, 304), from /proc: less sensitive than
# requests/s to other work on a shared machine. Run it for two jars in turn to compare them side by side.
# Needs: Java 17, wrk, python3, a built jar. Loopback only (port 18490); about 80 s per run.
# Usage: bench/feed-cpu.sh [jar, default target/broadsheet-0.1.0.jar] [label]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/broadsheet-0.1.0.jar}
LABEL=${2:-$(basename "$JAR")}
PORT=18490
WORK=$(mktemp -d)
BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$WORK/data" BROADSHEET_ADMIN_TOKEN=bench-admin-token-of-at-least-32-characters BROADSHEET_SAMPLE_DATA=false \
  BROADSHEET_SITE_BASE_URL=http://localhost:$PORT \
  java -Xmx256m -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; sleep 2; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/health" > /dev/null && break; sleep 0.5; done
python3 tools/corpus/generate.py --count 2000 > "$WORK/corpus.ndjson"
curl -sf -H 'Authorization: Bearer bench-admin-token-of-at-least-32-characters' -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$WORK/corpus.ndjson" "localhost:$PORT/api/articles/import" > /dev/null
ETAG=$(curl -sI "localhost:$PORT/feeds/world.rss" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
# warm-up: JIT and the cache
wrk -t2 -c32 -d8s -H 'Accept-Encoding: gzip' "http://localhost:$PORT/feeds/world.rss" > /dev/null
wrk -t2 -c32 -d8s -H "If-None-Match: $ETAG" "http://localhost:$PORT/feeds/world.rss" > /dev/null
ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
HZ=$(getconf CLK_TCK)
for kind in identity gzip 304; do
  case $kind in
    identity) HEADER="X-Bench: identity" ;;
    gzip) HEADER="Accept-Encoding: gzip" ;;
    *) HEADER="If-None-Match: $ETAG" ;;
  esac
  before=$(ticks)
  out=$(wrk -t2 -c32 -d10s -H "$HEADER" "http://localhost:$PORT/feeds/world.rss")
  after=$(ticks)
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  echo "$LABEL $kind requests=$requests rps=$rps cpu_us_per_request=$(python3 -c "print(round(($after - $before) / $HZ * 1e6 / $requests, 1))")"
done
