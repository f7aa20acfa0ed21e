#!/usr/bin/env bash
# Poll statistics under a flood: 400,000 distinct User-Agents polling with If-None-Match (answered 304, as most polls
# are: the flood is about the statistics, not about sending bytes) (each claiming 999999999999 subscribers) and 10,000
# X-Forwarded-For values, believed (BROADSHEET_TRUSTED_PROXIES=127.0.0.1), against the jar at -Xmx256m. Records the
# heap after a full GC after warm-up and after the flood, the time of the stats report (/api/stats/feeds) and of the
# newsroom dashboard after the flood and after a restart, the time SIGTERM takes, and what the report counts.
# Needs: Java 17 (jcmd, jstat), curl, python3, wrk, a built jar (./mvnw -B clean package -DskipTests). Loopback only;
# bounded: wrk stops at LIMIT requests per thread (2 threads) or FLOOD_SECONDS, whichever comes first.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${BENCH_DIR:-/tmp/broadsheet-stats-flood}
PORT=${BENCH_PORT:-18660}
TOKEN=bench-token-000000000000000000000000
JAR=${JAR:-target/broadsheet-0.1.0.jar}
LIMIT=${LIMIT:-200000}
FLOOD_SECONDS=${FLOOD_SECONDS:-300}
BASE=http://localhost:$PORT
rm -rf "$WORK" && mkdir -p "$WORK"
DATA="$WORK/data"
APP=
trap 'if [ -n "$APP" ]; then kill $APP 2>/dev/null || true; fi' EXIT

start() {
  BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$DATA" BROADSHEET_ADMIN_TOKEN=$TOKEN BROADSHEET_SAMPLE_DATA=true \
    BROADSHEET_CONFIG_DIR=feeds-config BROADSHEET_SITE_BASE_URL=$BASE BROADSHEET_TRUSTED_PROXIES=127.0.0.1 \
    java -Xmx256m -XX:+ExitOnOutOfMemoryError -jar "$JAR" >> "$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null "$BASE/health/readiness" && curl -sf -o /dev/null "$BASE/feeds/all.rss" && return
    sleep 0.1
  done
  echo "the service did not start; see $WORK/app.log" >&2
  exit 1
}

stop() { # SIGTERM; sets STOPPED: the seconds until the process had exited
  local t0 t1
  t0=$(date +%s.%N)
  kill "$APP"
  wait "$APP" 2>/dev/null || true
  t1=$(date +%s.%N)
  APP=
  STOPPED=$(echo "$t0 $t1" | awk '{printf "%.1f", $2 - $1}')
}

heap() { # MiB used after a full GC
  jcmd "$APP" GC.run > /dev/null
  jcmd "$APP" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") print $(i + 1)}' \
    | tr -d 'K,' | awk '{printf "%.1f", $1 / 1024}'
}

timed() { # seconds of one GET, with the extra curl arguments given
  curl -sf -o /dev/null -w '%{time_total}' "$@"
}

reports() { # the stats report's and the dashboard's times (first and second request), and what the report says of 'all'
  local stats stats2 dashboard dashboard2
  stats=$(timed -H "Authorization: Bearer $TOKEN" "$BASE/api/stats/feeds")
  stats2=$(timed -H "Authorization: Bearer $TOKEN" "$BASE/api/stats/feeds")
  curl -sf -o /dev/null -c "$WORK/cookies" -H "Origin: $BASE" --data-urlencode "token=$TOKEN" "$BASE/newsroom/login"
  dashboard=$(timed -b "$WORK/cookies" "$BASE/newsroom")
  dashboard2=$(timed -b "$WORK/cookies" "$BASE/newsroom")
  echo "stats report ${stats} s then ${stats2} s, dashboard ${dashboard} s then ${dashboard2} s"
  curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/stats/feeds" | python3 -c '
import json, sys
feed = next(f for f in json.load(sys.stdin)["feeds"] if f["feed"] == "all")
print("  all: polls %d, subscribers %d, fetchers %s" % (feed["polls"], feed["subscribers"],
      ", ".join("%s %d" % (t["fetcher"], t["polls"]) for t in feed["topFetchers"])))'
}

echo "# Stats flood, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
start
wrk -t2 -c20 -d20s -H 'User-Agent: NetNewsWire (RSS Reader; https://netnewswire.com/)' "$BASE/feeds/all.rss" > /dev/null
sleep 11 # a flush of the warm-up's polls
before=$(heap)
echo "heap after warm-up and a full GC: $before MiB"
ETAGS=$(for f in all.rss all.atom all.json; do
  curl -sf -o /dev/null -D - -H 'Accept-Encoding: gzip' "$BASE/feeds/$f" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r'
done | tr '\n' ' ')
ETAGS=$ETAGS LIMIT=$LIMIT wrk -t2 -c50 -d"${FLOOD_SECONDS}s" --latency -s bench/stats-flood.lua "$BASE/" > "$WORK/wrk.txt"
grep -E 'requests in|Requests/sec|Non-2xx|Socket errors' "$WORK/wrk.txt" | sed 's/^ */flood: /'
sleep 11 # the flood's last polls are written
after=$(heap)
echo "heap after the flood and a full GC: $after MiB ($(echo "$before $after" | awk '{printf "%+.0f %%", 100 * ($2 - $1) / $1}'))"
echo "after the flood: $(reports)"
stop
echo "SIGTERM to exit: $STOPPED s"
start
echo "after a restart: $(reports)"
echo "database files: $(du -sh "$DATA" | cut -f1)"
stop
echo "SIGTERM to exit: $STOPPED s"
