#!/usr/bin/env bash
# Serving cached feeds: Broadsheet against nginx serving the same bytes as static files (gzip_static) and a Node 20
# server building the same feeds with the npm `feed` package and serving its cached bytes, in one run, over the
# 20,000-article corpus. Requests rotate over /feeds/world.rss, /feeds/europe.atom and /feeds/science.json
# (bench/rotate.lua). Modes: gzip, 304 (If-None-Match, gzip), identity (bytes/s), and 304 at 1,000 connections.
# Prints a Markdown report with each server's figures and Broadsheet's ratio to nginx.
#
# Needs: Java 17, a built jar (./mvnw -B clean package -DskipTests), wrk and nginx (Debian: wrk nginx-light),
# Node 20 and npm (for the `feed` package, installed under a temporary folder). Loopback only, bounded in time.
# Usage: bench/feed-serving.sh [seconds per run, default 10] > bench/results-feed-serving.md
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
COUNT=${BENCH_ARTICLES:-20000}
PORT=18480
NGINX_PORT=18481
NODE_PORT=18482
WORK=$(mktemp -d /tmp/feed-serving.XXXXXX)
APP="" NODE=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  [ -n "$NODE" ] && kill "$NODE" 2>/dev/null || true
  nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PATHS=(/feeds/world.rss /feeds/europe.atom /feeds/science.json)

# Broadsheet with the corpus
BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$WORK/data" BROADSHEET_ADMIN_TOKEN=bench BROADSHEET_SAMPLE_DATA=false \
  BROADSHEET_SITE_BASE_URL=http://localhost:$PORT \
  java -Xmx512m -jar target/broadsheet-0.1.0.jar > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/health" > /dev/null && break; sleep 0.5; done
python3 tools/corpus/generate.py --count "$COUNT" --every 5 > "$WORK/corpus.ndjson"
curl -sf -H 'Authorization: Bearer bench' -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$WORK/corpus.ndjson" "localhost:$PORT/api/articles/import" > /dev/null

# the same bytes for nginx, and the JSON Feeds the Node server builds its feeds from
mkdir -p "$WORK/www/feeds" "$WORK/json"
for p in "${PATHS[@]}"; do
  curl -sf "localhost:$PORT$p" -o "$WORK/www$p"
  curl -sf -H 'Accept-Encoding: gzip' "localhost:$PORT$p" -o "$WORK/www$p.gz"
done
for f in world europe science; do curl -sf "localhost:$PORT/feeds/$f.json" -o "$WORK/json/$f.json"; done
chmod 755 "$WORK" && chmod -R a+rX "$WORK/www" # nginx's workers run as another user
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  types { application/rss+xml rss; application/atom+xml atom; application/feed+json json; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { gzip_static on; etag on; }
  }
}
CONF
nginx -c "$WORK/nginx.conf"

(cd "$WORK" && npm init -y > /dev/null && npm install feed@4 --no-audit --no-fund > /dev/null 2>&1)
NODE_PATH="$WORK/node_modules" node bench/node-feed-server.js "$NODE_PORT" "$WORK/json" > "$WORK/node.log" 2>&1 &
NODE=$!
for _ in $(seq 1 40); do curl -sf "127.0.0.1:$NODE_PORT/feeds/world.rss" > /dev/null && break; sleep 0.25; done

# the gzip ETags a poller holds, per server, in the order of PATHS
etags() {
  local base=$1 tags=""
  for p in "${PATHS[@]}"; do
    tags+="$(curl -sI -H 'Accept-Encoding: gzip' "$base$p" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r') "
  done
  echo "$tags"
}
BS_ETAGS=$(etags "http://localhost:$PORT")
NGINX_ETAGS=$(etags "http://127.0.0.1:$NGINX_PORT")
NODE_ETAGS=$(etags "http://127.0.0.1:$NODE_PORT")

# CPU time (user + system, in clock ticks) of processes
ticks() { local t=0; for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo $t; }
HZ=$(getconf CLK_TCK)
nginx_pids() { pgrep -f "nginx: worker process" | tr '\n' ' '; }

# one wrk run: prints "req/s bytes/s p50 p99 errors cpu-µs-per-request"
measure() {
  local connections=$1 url=$2 gzip=$3 tags=$4; shift 4
  local before after out
  before=$(ticks "$@")
  out=$(GZIP=$gzip ETAGS=$tags wrk -t2 -c"$connections" -d"${SECONDS_PER_RUN}s" --timeout 5s --latency \
    -s bench/rotate.lua "$url")
  after=$(ticks "$@")
  awk -v cpu=$((after - before)) -v hz="$HZ" '
    function bytes(s) { n = s + 0; if (s ~ /KB/) n *= 1024; if (s ~ /MB/) n *= 1048576; if (s ~ /GB/) n *= 1073741824; return n }
    function ms(s) { n = s + 0; if (s ~ /us/) n /= 1000; else if (s ~ /ms/) n *= 1; else if (s ~ /s/) n *= 1000; return n }
    /requests in/ { total = $1 }
    /Requests\/sec/ { rps = $2 }
    /Transfer\/sec/ { bps = bytes($2) }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx/ { errors += $5 }
    END { printf "%s %.0f %.3f %.3f %d %.1f\n", rps, bps, p50, p99, errors, (total > 0 ? cpu * 1e6 / hz / total : 0) }' <<< "$out"
}

row() {  # label, then the three servers' measure lines
  local label=$1 bs=$2 ng=$3 nd=$4 column=$5
  read -r b_rps b_bps b_p50 b_p99 b_err b_cpu <<< "$bs"
  read -r n_rps n_bps n_p50 n_p99 n_err n_cpu <<< "$ng"
  read -r d_rps d_bps d_p50 d_p99 d_err d_cpu <<< "$nd"
  if [ "$column" = bytes ]; then
    awk -v l="$label" -v b="$b_bps" -v n="$n_bps" -v d="$d_bps" -v bc="$b_cpu" -v nc="$n_cpu" \
      'BEGIN { printf "| %s | %.1f MB/s, %s µs CPU | %.1f MB/s, %s µs | %.1f MB/s | %.2f |\n", l, b/1e6, bc, n/1e6, nc, d/1e6, b/n }'
  else
    awk -v l="$label" -v b="$b_rps" -v n="$n_rps" -v d="$d_rps" -v bc="$b_cpu" -v nc="$n_cpu" \
      -v bp="$b_p99" -v np="$n_p99" -v dp="$d_p99" -v be="$b_err" -v ne="$n_err" -v de="$d_err" \
      'BEGIN { printf "| %s | %.0f req/s, %s µs CPU, p99 %.2f ms, %d errors | %.0f req/s, %s µs, p99 %.2f ms, %d errors | %.0f req/s, p99 %.2f ms, %d errors | %.2f |\n", l, b, bc, bp, be, n, nc, np, ne, d, dp, de, b/n }'
  fi
}

# warm-up: JIT, the feed cache, every mode
for gz in 0 1; do
  GZIP=$gz wrk -t2 -c64 -d5s -s bench/rotate.lua "http://localhost:$PORT" > /dev/null
done
GZIP=1 ETAGS=$BS_ETAGS wrk -t2 -c64 -d5s -s bench/rotate.lua "http://localhost:$PORT" > /dev/null

echo "# Feed serving: Broadsheet against nginx gzip_static and Node + feed"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared with wrk (-t2), ${SECONDS_PER_RUN} s a run; $COUNT articles;"
echo "requests rotate over ${PATHS[*]}."
echo "Sizes (identity / gzip): $(for p in "${PATHS[@]}"; do printf '%s %s / %s B; ' "${p##*/}" "$(wc -c < "$WORK/www$p")" "$(wc -c < "$WORK/www$p.gz")"; done)"
echo "CPU per request is the server's user + system time over the run divided by the requests it answered."
echo
echo "| mode | Broadsheet | nginx gzip_static | Node + feed, cached | Broadsheet / nginx |"
echo "| --- | --- | --- | --- | ---: |"
BS=$(measure 64 "http://localhost:$PORT" 1 "" "$APP")
NG=$(measure 64 "http://127.0.0.1:$NGINX_PORT" 1 "" $(nginx_pids))
ND=$(measure 64 "http://127.0.0.1:$NODE_PORT" 1 "" "$NODE")
row "gzip, 64 connections" "$BS" "$NG" "$ND" rps
BS=$(measure 64 "http://localhost:$PORT" 1 "$BS_ETAGS" "$APP")
NG=$(measure 64 "http://127.0.0.1:$NGINX_PORT" 1 "$NGINX_ETAGS" $(nginx_pids))
ND=$(measure 64 "http://127.0.0.1:$NODE_PORT" 1 "$NODE_ETAGS" "$NODE")
row "304, 64 connections" "$BS" "$NG" "$ND" rps
BS=$(measure 64 "http://localhost:$PORT" 0 "" "$APP")
NG=$(measure 64 "http://127.0.0.1:$NGINX_PORT" 0 "" $(nginx_pids))
ND=$(measure 64 "http://127.0.0.1:$NODE_PORT" 0 "" "$NODE")
row "identity, bytes/s" "$BS" "$NG" "$ND" bytes
BS=$(measure 1000 "http://localhost:$PORT" 1 "$BS_ETAGS" "$APP")
NG=$(measure 1000 "http://127.0.0.1:$NGINX_PORT" 1 "$NGINX_ETAGS" $(nginx_pids))
ND=$(measure 1000 "http://127.0.0.1:$NODE_PORT" 1 "$NODE_ETAGS" "$NODE")
row "304, 1,000 connections" "$BS" "$NG" "$ND" rps
echo
echo "Broadsheet's resident memory after the runs: $(ps -o rss= -p "$APP" | awk '{printf "%.0f MiB", $1/1024}')."
