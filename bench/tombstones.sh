#!/usr/bin/env bash
# What tombstones cost a first page: cold renders of a category's first page (right after a write that touches it,
# the write not timed) with 0, then 50, then 500 tombstones at its top (500: the most a page carries), at an archive
# of N articles on H2, and how long each withdrawal takes. Needs: Java 17, python3, curl, a built jar
# (./mvnw -B clean package -DskipTests). Loopback only. Data under $BENCH_DIR (default /tmp/broadsheet-tombstone-bench).
# Usage: bench/tombstones.sh [articles]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
WORK=${BENCH_DIR:-/tmp/broadsheet-tombstone-bench}
PORT=${BENCH_PORT:-18491}
TOKEN=bench-admin-token-of-at-least-32-characters
mkdir -p "$WORK"
CORPUS=$WORK/corpus-$N.ndjson
[ -s "$CORPUS" ] || python3 tools/corpus/generate.py --count "$N" --every 2 > "$CORPUS"
DATA=$(mktemp -d "$WORK/data.XXXXXX")
BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$DATA" BROADSHEET_ADMIN_TOKEN=$TOKEN BROADSHEET_SAMPLE_DATA=false \
  BROADSHEET_CONFIG_DIR=feeds-config BROADSHEET_SITE_BASE_URL=http://localhost:$PORT \
  java -Xmx256m -XX:+ExitOnOutOfMemoryError -jar target/broadsheet-0.1.0.jar > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "localhost:$PORT/feeds/all.rss" && break; sleep 0.1; done
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' -X POST -T "$CORPUS" \
  "localhost:$PORT/api/articles/import" > /dev/null
echo "articles: $N"
timeout 1800 python3 bench/tombstone_render.py "$PORT" "$TOKEN" world 0 50 500
