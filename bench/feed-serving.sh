#!/usr/bin/env bash
# Serving cached feeds: Broadsheet against nginx serving the same bytes as static files (gzip_static) and a Node 20
# server building the same feeds with the npm `feed` package and serving its cached bytes, in one run, over the
# 20,000-article corpus. Requests rotate over /feeds/world.rss, /feeds/europe.atom and /feeds/science.json
# (bench/rotate.lua). Modes: gzip, 304 (If-None-Match, gzip), identity (bytes/s), and 304 at 1,000 connections.
# Broadsheet runs twice: as configured (polls of cached feeds answered on the event loop, FeedFastPath) and with
# BROADSHEET_FAST_PATH=false (every request through Micronaut's route), the before and after of that path.
# Prints a Markdown report with each server's figures and Broadsheet's ratios to nginx and to Node.
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
ROUTE_PORT=18483
WORK=$(mktemp -d /tmp/feed-serving.XXXXXX)
APP="" ROUTE="" NODE=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  [ -n "$ROUTE" ] && kill "$ROUTE" 2>/dev/null || true
  [ -n "$NODE" ] && kill "$NODE" 2>/dev/null || true
  nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PATHS=(/feeds/world.rss /feeds/europe.atom /feeds/science.json)

# Broadsheet with the corpus, twice: with the fast path, and with every request through the route
start() {  # port, data folder, fast path on or off
  BROADSHEET_PORT=$1 BROADSHEET_DATA_DIR="$2" BROADSHEET_ADMIN_TOKEN=bench-admin-token-of-at-least-32-characters BROADSHEET_SAMPLE_DATA=false \
    BROADSHEET_SITE_BASE_URL=http://127.0.0.1:$PORT BROADSHEET_FAST_PATH=$3 \
    java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar target/broadsheet-0.1.0.jar > "$2.log" 2>&1 &
  echo $!
}
APP=$(start $PORT "$WORK/data" true)
ROUTE=$(start $ROUTE_PORT "$WORK/route" false)
python3 tools/corpus/generate.py --count "$COUNT" --every 5 > "$WORK/corpus.ndjson"
for port in $PORT $ROUTE_PORT; do
  for _ in $(seq 1 120); do curl -sf "127.0.0.1:$port/health" > /dev/null && break; sleep 0.5; done
  curl -sf -H 'Authorization: Bearer bench-admin-token-of-at-least-32-characters' -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$WORK/corpus.ndjson" "127.0.0.1:$port/api/articles/import" > /dev/null
done

# the same bytes for nginx, and the JSON Feeds the Node server builds its feeds from
mkdir -p "$WORK/www/feeds" "$WORK/json"
for p in "${PATHS[@]}"; do
  curl -sf "127.0.0.1:$PORT$p" -o "$WORK/www$p"
  curl -sf -H 'Accept-Encoding: gzip' "127.0.0.1:$PORT$p" -o "$WORK/www$p.gz"
done
for f in world europe science; do curl -sf "127.0.0.1:$PORT/feeds/$f.json" -o "$WORK/json/$f.json"; done
chmod 755 "$WORK" && chmod -R a+rX "$WORK/www" # nginx's workers run as another user
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  # a static file server at its best: sendfile, full packets, open files kept
  sendfile on;
  tcp_nopush on;
  open_file_cache max=64 inactive=60s;
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
BS_ETAGS=$(etags "http://127.0.0.1:$PORT")
RT_ETAGS=$(etags "http://127.0.0.1:$ROUTE_PORT")
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

row() {  # label, then the four servers' measure lines (Broadsheet, its route alone, nginx, Node), then the column
  local label=$1 bs=$2 rt=$3 ng=$4 nd=$5 column=$6
  read -r b_rps b_bps b_p50 b_p99 b_err b_cpu <<< "$bs"
  read -r r_rps r_bps r_p50 r_p99 r_err r_cpu <<< "$rt"
  read -r n_rps n_bps n_p50 n_p99 n_err n_cpu <<< "$ng"
  read -r d_rps d_bps d_p50 d_p99 d_err d_cpu <<< "$nd"
  if [ "$column" = bytes ]; then
    awk -v l="$label" -v b="$b_bps" -v r="$r_bps" -v n="$n_bps" -v d="$d_bps" -v bc="$b_cpu" -v rc="$r_cpu" -v nc="$n_cpu" \
      'BEGIN { printf "| %s | %.1f MB/s, %s µs CPU | %.1f MB/s, %s µs | %.1f MB/s, %s µs | %.1f MB/s | %.2f | %.2f |\n", l, b/1e6, bc, r/1e6, rc, n/1e6, nc, d/1e6, b/n, b/d }'
  else
    awk -v l="$label" -v b="$b_rps" -v r="$r_rps" -v n="$n_rps" -v d="$d_rps" \
      -v bc="$b_cpu" -v rc="$r_cpu" -v nc="$n_cpu" -v bp="$b_p99" -v rp="$r_p99" -v np="$n_p99" -v dp="$d_p99" \
      -v be="$b_err" -v re="$r_err" -v ne="$n_err" -v de="$d_err" \
      'BEGIN { printf "| %s | %.0f req/s, %s µs CPU, p99 %.2f ms, %d errors | %.0f req/s, %s µs, p99 %.2f ms, %d errors | %.0f req/s, %s µs, p99 %.2f ms, %d errors | %.0f req/s, p99 %.2f ms, %d errors | %.2f (p99 %.2f) | %.2f |\n", l, b, bc, bp, be, r, rc, rp, re, n, nc, np, ne, d, dp, de, b/n, bp/np, b/d }'
  fi
}

# warm-up: JIT, the feed cache, every mode
for gz in 0 1; do
  GZIP=$gz wrk -t2 -c64 -d5s -s bench/rotate.lua "http://127.0.0.1:$PORT" > /dev/null
done
GZIP=1 ETAGS=$BS_ETAGS wrk -t2 -c64 -d5s -s bench/rotate.lua "http://127.0.0.1:$PORT" > /dev/null
for gz in 0 1; do
  GZIP=$gz wrk -t2 -c64 -d5s -s bench/rotate.lua "http://127.0.0.1:$ROUTE_PORT" > /dev/null
done
GZIP=1 ETAGS=$RT_ETAGS wrk -t2 -c64 -d5s -s bench/rotate.lua "http://127.0.0.1:$ROUTE_PORT" > /dev/null

echo "# Feed serving: Broadsheet against nginx gzip_static and Node + feed"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared with wrk (-t2), ${SECONDS_PER_RUN} s a run; $COUNT articles;"
echo "requests rotate over ${PATHS[*]}."
echo "Sizes (identity / gzip): $(for p in "${PATHS[@]}"; do printf '%s %s / %s B; ' "${p##*/}" "$(wc -c < "$WORK/www$p")" "$(wc -c < "$WORK/www$p.gz")"; done)"
echo "CPU per request is the server's user + system time over the run divided by the requests it answered."
echo
echo "| mode | Broadsheet | Broadsheet, route only (fast path off) | nginx gzip_static | Node + feed, cached | Broadsheet / nginx | Broadsheet / Node |"
echo "| --- | --- | --- | --- | --- | ---: | ---: |"
run() {  # label, connections, gzip, column, then each server's etags in turn
  local label=$1 c=$2 gz=$3 column=$4 bs rt ng nd
  bs=$(measure "$c" "http://127.0.0.1:$PORT" "$gz" "$5" "$APP")
  rt=$(measure "$c" "http://127.0.0.1:$ROUTE_PORT" "$gz" "$6" "$ROUTE")
  ng=$(measure "$c" "http://127.0.0.1:$NGINX_PORT" "$gz" "$7" $(nginx_pids))
  nd=$(measure "$c" "http://127.0.0.1:$NODE_PORT" "$gz" "$8" "$NODE")
  row "$label" "$bs" "$rt" "$ng" "$nd" "$column"
}
run "gzip, 64 connections" 64 1 rps "" "" "" ""
run "304, 64 connections" 64 1 rps "$BS_ETAGS" "$RT_ETAGS" "$NGINX_ETAGS" "$NODE_ETAGS"
run "identity, bytes/s" 64 0 bytes "" "" "" ""
run "304, 1,000 connections" 1000 1 rps "$BS_ETAGS" "$RT_ETAGS" "$NGINX_ETAGS" "$NODE_ETAGS"
echo
echo "Broadsheet's resident memory after the runs: $(ps -o rss= -p "$APP" | awk '{printf "%.0f MiB", $1/1024}')" \
  "(route only: $(ps -o rss= -p "$ROUTE" | awk '{printf "%.0f MiB", $1/1024}'))."
echo "The 304 ratio at 1,000 connections is of requests/s; in brackets, Broadsheet's p99 over nginx's."
