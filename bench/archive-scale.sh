#!/usr/bin/env bash
# Archive scale: imports the corpus at each size into a fresh H2 database with -Xmx256m and records the import
# rate, the database size against the NDJSON, cold renders (p50/p99 per format and feed), heap after a full GC,
# resident memory, full GC count, start-up time to the first feed, and errors of wrk polling during an import.
# Needs: Java 17 (jcmd, jstat), python3, curl, wrk (Debian: apt-get install wrk), a built jar
# (./mvnw -B clean package -DskipTests). Loopback only; every step is bounded.
# Usage: bench/archive-scale.sh [size ...]   (default: 20000 1000000)
# Corpora and databases live under $BENCH_DIR (default /tmp/broadsheet-archive-bench), never in the repository.
# JAR=path runs another jar (default target/broadsheet-0.1.0.jar); BENCH_PORT sets the port (default 18490).
# POLL_SECONDS=0 skips the polling during a replacing import.
# REUSE=1 keeps a database already filled at that size and skips its import (to measure again what follows it).
# STEADY_SECONDS=3600 (default 0: skipped) ends each size with that long of steady single writes (STEADY_RATE a
# second, default 10: one article replaced per PUT) and the database's size every minute.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${*:-"20000 1000000"}
WORK=${BENCH_DIR:-/tmp/broadsheet-archive-bench}
PORT=${BENCH_PORT:-18490}
TOKEN=bench-admin-token-of-at-least-32-characters
JAR=${JAR:-target/broadsheet-0.1.0.jar}
POLL_SECONDS=${POLL_SECONDS:-60}
mkdir -p "$WORK"
APP=
trap 'if [ -n "$APP" ]; then kill $APP 2>/dev/null || true; fi' EXIT

start() { # sets APP and STARTUP (seconds from launch to the first feed served)
  local t0 t1
  t0=$(date +%s.%N)
  # the bench is one client timing renders: the per-client rate limit (20/s) would answer some of them 429
  BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$DATA" BROADSHEET_ADMIN_TOKEN=$TOKEN BROADSHEET_SAMPLE_DATA=false \
    BROADSHEET_RATE_LIMIT_REQUESTS_PER_SECOND=0 BROADSHEET_CONFIG_DIR=feeds-config BROADSHEET_SITE_BASE_URL=http://localhost:$PORT \
    java -Xmx256m -XX:+ExitOnOutOfMemoryError -jar "$JAR" >> "$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null "localhost:$PORT/feeds/all.rss" && break
    sleep 0.05
  done
  t1=$(date +%s.%N)
  STARTUP=$(echo "$t0 $t1" | awk '{printf "%.2f", $2 - $1}')
}

stop() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  APP=
}

import() { # sets RATE (articles per second)
  local file=$1 lines t0 t1
  lines=$(wc -l < "$file")
  t0=$(date +%s.%N)
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' -X POST -T "$file" \
    "localhost:$PORT/api/articles/import" > "$WORK/import-answer.json"
  t1=$(date +%s.%N)
  RATE=$(echo "$lines $t0 $t1" | awk '{printf "%.0f", $1 / ($3 - $2)}')
}

load() { # the machine's load average (1, 5, 15 min) beside a figure: other work shares the cores
  echo "  (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
}

memory() {
  jcmd "$APP" GC.run > /dev/null
  local used rss fgc
  used=$(jcmd "$APP" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") print $(i + 1)}' | tr -d 'K,')
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$APP/status")
  fgc=$(jstat -gc "$APP" | awk 'NR == 2 {print $(NF - 4)}')
  echo "heap after full GC: $((used / 1024)) MiB; resident: $((rss / 1024)) MiB; full GCs (incl. the one just asked for): $fgc"
}

category_sizes() { # "slug count" per category, biggest first
  curl -sf -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/categories" \
    | python3 -c 'import json, sys; [print(c["slug"]) for c in json.load(sys.stdin)]' \
    | while read -r slug; do
        echo "$slug $(curl -sf -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/articles?size=1&category=$slug" \
          | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')"
      done | sort -k2 -n -r
}

echo "# Archive scale, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
for N in $SIZES; do
  corpus="$WORK/corpus-$N.ndjson"
  if [ ! -s "$corpus" ]; then
    python3 tools/corpus/generate.py --count "$N" --every 2 > "$corpus.part" && mv "$corpus.part" "$corpus"
  fi
  DATA="$WORK/data-$N"
  echo
  echo "## $N articles"
  if [ "${REUSE:-0}" = 1 ] && [ -s "$DATA/broadsheet.mv.db" ]; then
    start
    echo "(database kept from an earlier run; import skipped) start-up: $STARTUP s"
  else
    rm -rf "$DATA"
    start
    echo "start-up, empty database: $STARTUP s"
    load
    import "$corpus"
    echo "import: $RATE articles/s; answer: $(head -c 200 "$WORK/import-answer.json")"
    load
  fi
  ndjson=$(stat -L -c %s "$corpus")
  db=$(stat -c %s "$DATA/broadsheet.mv.db")
  echo "database: $((db / 1048576)) MiB for $((ndjson / 1048576)) MiB of NDJSON ($(echo "$db $ndjson" | awk '{printf "%.2f", $1 / $2}')x)"
  memory
  sizes=$(category_sizes)
  biggest=$(head -1 <<< "$sizes" | cut -d' ' -f1)
  smallest=$(tail -1 <<< "$sizes" | cut -d' ' -f1)
  echo "categories: biggest $(head -1 <<< "$sizes"), smallest $(tail -1 <<< "$sizes")"
  echo "cold renders (feed format kind p50_ms p99_ms n):"
  python3 bench/cold_render.py "$PORT" "$TOKEN" all "$biggest" "$smallest" balkans european-politics
  load
  memory
  stop
  start
  echo "start-up with $N articles: $STARTUP s"
  load
  memory
  if [ "$POLL_SECONDS" -gt 0 ]; then
    # polling during an import: the first lines again (replacements), for at least the polling time
    head -n "$(( N < 100000 ? N : 100000 ))" "$corpus" > "$WORK/again.ndjson"
    wrk -t2 -c64 -d"${POLL_SECONDS}s" "http://127.0.0.1:$PORT/feeds/all.rss" > "$WORK/wrk.txt" 2>&1 &
    WRK=$!
    sleep 1
    import "$WORK/again.ndjson"
    echo "replacing import while wrk polls: $RATE articles/s"
    load
    wait $WRK
    echo "wrk -c64 ${POLL_SECONDS}s on all.rss during it: $(awk '/requests in/ {print $1, "requests"}' "$WORK/wrk.txt");" \
      "errors: $(grep -E 'Socket errors|Non-2xx' "$WORK/wrk.txt" | tr '\n' ' ' || true)"
    grep -E 'Requests/sec|Latency' "$WORK/wrk.txt" | sed 's/^ */  /'
    db=$(stat -c %s "$DATA/broadsheet.mv.db")
    echo "database after the replacing import: $((db / 1048576)) MiB ($(echo "$db $ndjson" | awk '{printf "%.2f", $1 / $2}')x)"
    memory
  fi
  if [ "${STEADY_SECONDS:-0}" -gt 0 ]; then
    echo "steady single writes, ${STEADY_RATE:-10}/s for ${STEADY_SECONDS} s:"
    python3 bench/steady_writes.py "$PORT" "$TOKEN" "$corpus" "$STEADY_SECONDS" "${STEADY_RATE:-10}" "$DATA/broadsheet.mv.db"
    memory
  fi
  stop
done
