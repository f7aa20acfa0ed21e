#!/usr/bin/env bash
# Serving speed of a cached feed against nginx serving the same bytes as a static file.
# Needs: Java 17, wrk and nginx (Debian: apt-get install wrk nginx-light), a built jar
# (./mvnw -B clean package -DskipTests). Loopback only; every run is bounded in time.
# Usage: bench/feed-serving.sh [seconds per run, default 15] > bench/results-feed-serving.md
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}
PORT=18480
NGINX_PORT=18481
WORK=$(mktemp -d)
trap 'kill $APP 2>/dev/null || true; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT

BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$WORK/data" BROADSHEET_ADMIN_TOKEN=bench BROADSHEET_SAMPLE_DATA=false \
  BROADSHEET_SITE_BASE_URL=http://localhost:$PORT \
  java -Xmx256m -jar target/broadsheet-0.1.0.jar > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/health" > /dev/null && break; sleep 0.5; done
python3 tools/corpus/generate.py --count 2000 > "$WORK/corpus.ndjson"
curl -sf -H 'Authorization: Bearer bench' -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$WORK/corpus.ndjson" "localhost:$PORT/api/articles/import" > /dev/null

mkdir -p "$WORK/www"
curl -sf "localhost:$PORT/feeds/world.rss" -o "$WORK/www/world.rss"
curl -sf -H 'Accept-Encoding: gzip' "localhost:$PORT/feeds/world.rss" -o "$WORK/www/world.rss.gz"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/rss+xml rss; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { gzip_static on; etag on; }
  }
}
CONF
nginx -c "$WORK/nginx.conf"

run() {
  local label=$1; shift
  local out
  out=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency "$@")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  p50=$(awk '$1=="50%" {print $2}' <<< "$out")
  p99=$(awk '$1=="99%" {print $2}' <<< "$out")
  echo "| $label | $rps | $p50 | $p99 |"
}

echo "# Feed serving: Broadsheet (cached) vs nginx (static file)"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c64 -d${SECONDS_PER_RUN}s on loopback (wrk shares the cores)."
echo "world.rss of a 2000-article corpus: $(wc -c < "$WORK/www/world.rss") bytes, gzip $(wc -c < "$WORK/www/world.rss.gz") bytes."
echo "Broadsheet runs with -Xmx256m."
echo
echo "| what | requests/s | p50 | p99 |"
echo "| --- | ---: | ---: | ---: |"
# warm-up: JIT and the cache
wrk -t2 -c64 -d5s "http://localhost:$PORT/feeds/world.rss" > /dev/null
wrk -t2 -c64 -d5s -H 'Accept-Encoding: gzip' "http://localhost:$PORT/feeds/world.rss" > /dev/null
run "Broadsheet world.rss, identity" "http://localhost:$PORT/feeds/world.rss"
run "nginx world.rss, identity" "http://127.0.0.1:$NGINX_PORT/world.rss"
run "Broadsheet world.rss, gzip" -H 'Accept-Encoding: gzip' "http://localhost:$PORT/feeds/world.rss"
run "nginx world.rss, gzip_static" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT/world.rss"
ETAG=$(curl -sI "localhost:$PORT/feeds/world.rss" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
run "Broadsheet world.rss, 304 (If-None-Match)" -H "If-None-Match: $ETAG" "http://localhost:$PORT/feeds/world.rss"
echo
echo "Resident memory of Broadsheet after the runs: $(ps -o rss= -p $APP | awk '{printf "%.0f MiB", $1/1024}')."
