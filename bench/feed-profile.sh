#!/usr/bin/env bash
# Where a cached feed answer spends its CPU: Broadsheet under wrk (the rotation of feed-serving.sh, gzip answers
# or 304s) with Java Flight Recorder sampling, then the hottest methods by their own samples and by the samples
# they are on the stack of (bench/jfr_top.py), and a flame graph (bench/flamegraph.py). Needs Java 17 (jfr), wrk,
# python3, a built jar. BROADSHEET_FAST_PATH=false profiles the answers Micronaut's route gives instead.
# Usage: FLAME=bench/flame-<mode>-<when>.svg bench/feed-profile.sh [gzip|304] [seconds, default 20] \
#          > bench/profile-<mode>-<when>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-304}
SECONDS_PER_RUN=${2:-20}
COUNT=${BENCH_ARTICLES:-20000}
PORT=18490
WORK=$(mktemp -d /tmp/feed-profile.XXXXXX)
APP=""
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; rm -rf "$WORK"' EXIT

BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$WORK/data" BROADSHEET_ADMIN_TOKEN=bench-admin-token-of-at-least-32-characters BROADSHEET_SAMPLE_DATA=false \
  BROADSHEET_SITE_BASE_URL=http://127.0.0.1:$PORT \
  java -Xmx512m -XX:+ExitOnOutOfMemoryError -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar target/broadsheet-0.1.0.jar \
  > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do curl -sf "127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.5; done
python3 tools/corpus/generate.py --count "$COUNT" --every 5 > "$WORK/corpus.ndjson"
curl -sf -H 'Authorization: Bearer bench-admin-token-of-at-least-32-characters' -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$WORK/corpus.ndjson" "127.0.0.1:$PORT/api/articles/import" > /dev/null

TAGS=""
if [ "$MODE" = 304 ]; then
  for p in /feeds/world.rss /feeds/europe.atom /feeds/science.json; do
    TAGS+="$(curl -sI -H 'Accept-Encoding: gzip' "127.0.0.1:$PORT$p" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r') "
  done
fi
GZIP=1 ETAGS=$TAGS wrk -t2 -c64 -d10s -s bench/rotate.lua "http://127.0.0.1:$PORT" > /dev/null  # warm-up
jcmd "$APP" JFR.start name=hot settings=profile filename="$WORK/hot.jfr" > /dev/null
GZIP=1 ETAGS=$TAGS wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" -s bench/rotate.lua "http://127.0.0.1:$PORT" > "$WORK/wrk.txt"
jcmd "$APP" JFR.stop name=hot > /dev/null
echo "# Broadsheet, $MODE answers, fast path ${BROADSHEET_FAST_PATH:-true}, $(date -u +%Y-%m-%dT%H:%MZ), $COUNT articles, wrk -t2 -c64 -d${SECONDS_PER_RUN}s"
grep -E "Requests/sec|Latency" "$WORK/wrk.txt"
echo
jfr print --json --events jdk.ThreadAllocationStatistics "$WORK/hot.jfr" \
  | python3 bench/jfr_alloc.py "$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")"
echo
jfr print --events jdk.ExecutionSample --stack-depth 64 "$WORK/hot.jfr" > "$WORK/samples.txt"
python3 bench/jfr_top.py "$WORK/samples.txt"
if [ -n "${FLAME:-}" ]; then
  python3 bench/flamegraph.py "$WORK/samples.txt" "$FLAME" \
    "Broadsheet, $MODE answers, fast path ${BROADSHEET_FAST_PATH:-true}, $(date -u +%Y-%m-%d)"
fi
