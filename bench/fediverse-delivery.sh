#!/usr/bin/env bash
# Fediverse delivery: how fast the built jar delivers to 1,000 follower inboxes on one machine.
# A stub (bench/fediverse-stub.mjs) serves FOLLOWERS accounts, each with its own actor, key id and inbox
# (http://127.0.0.1:STUB_PORT/inbox/N, no shared inbox, so each is one delivery) answering 202 at once. The script
# starts the jar on a fresh H2 database, makes the accounts follow `world` with signed Follows (the service fetches
# each actor and answers each with an Accept), then publishes ARTICLES articles in `world` one after another and
# times the deliveries of their Creates until the stub has them all, sampling the service's counter
# broadsheet_fediverse_deliveries_total{outcome="delivered"} from /metrics every 5 s.
# Needs: Java 17, Node 20, curl, python3. The jar: ./mvnw -B clean package -DskipTests
# Usage: bench/fediverse-delivery.sh [articles, default 20]
# Environment: FOLLOWERS (1000), JAR, BENCH_PORT (18270, the jar), STUB_PORT (18271), BENCH_DIR (a new folder under
# /tmp, removed at the end unless KEEP=1 or the run failed), JAVA_OPTS (-Xmx512m), TIMEOUT (seconds per phase, 600), and
# BROADSHEET_FEDIVERSE_DELIVERY_CONCURRENCY or any other BROADSHEET_* setting, passed to the jar as they are. Every
# stub account lives on 127.0.0.1, one domain: the per-domain cap of inboxes is raised to FOLLOWERS unless set.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-20}
FOLLOWERS=${FOLLOWERS:-1000}
JAR=${JAR:-target/broadsheet-0.1.0.jar}
BENCH_PORT=${BENCH_PORT:-18270}
STUB_PORT=${STUB_PORT:-18271}
TIMEOUT=${TIMEOUT:-600}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/broadsheet-fediverse-bench.XXXXXX)}
TOKEN=bench-admin-token-of-at-least-32-characters
BASE=http://127.0.0.1:$BENCH_PORT
STUB=http://127.0.0.1:$STUB_PORT

[ -f "$JAR" ] || { echo "no $JAR: build it with ./mvnw -B clean package -DskipTests" >&2; exit 1; }
mkdir -p "$BENCH_DIR"
JAR_PID=""
STUB_PID=""
cleanup() {
  local status=$?
  [ -n "$JAR_PID" ] && kill "$JAR_PID" 2>/dev/null && wait "$JAR_PID" 2>/dev/null || true
  [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null && wait "$STUB_PID" 2>/dev/null || true
  if [ "$status" != 0 ] || [ "${KEEP:-0}" = 1 ]; then echo "logs kept in $BENCH_DIR" >&2; else rm -rf "$BENCH_DIR"; fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
json_field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }
stub_stat() { curl -sf "$STUB/control/stats" | json_field "$1"; }
delivered() { # the service's own count of deliveries answered 2xx, all feeds and kinds
  curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/metrics" \
    | awk '/^broadsheet_fediverse_deliveries_total\{/ && /outcome="delivered"/ {s += $NF; n++} END {if (n) printf "%d", s; else print "n/a"}'
}
# wait_for DESCRIPTION COMMAND: runs COMMAND every 0.2 s until it succeeds, for at most TIMEOUT seconds
wait_for() {
  local what=$1 deadline=$(( $(date +%s) + TIMEOUT ))
  shift
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then echo "not within $TIMEOUT s: $what" >&2; exit 1; fi
    sleep 0.2
  done
}
stub_has() { [ "$(stub_stat "d['byType'].get('$1', 0)")" -ge "$2" ]; }

echo "# Fediverse delivery, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$FOLLOWERS followers (one inbox each), $ARTICLES articles, jar $JAR, data in $BENCH_DIR"

node bench/fediverse-stub.mjs "$STUB_PORT" > "$BENCH_DIR/stub.log" 2>&1 &
STUB_PID=$!
wait_for "the stub listening" grep -q "listening on" "$BENCH_DIR/stub.log"

BROADSHEET_PORT=$BENCH_PORT BROADSHEET_DATA_DIR="$BENCH_DIR/data" BROADSHEET_ADMIN_TOKEN=$TOKEN \
BROADSHEET_SAMPLE_DATA=false BROADSHEET_SITE_BASE_URL=$BASE BROADSHEET_FEDIVERSE_ALLOW_PRIVATE_ADDRESSES=true \
BROADSHEET_FEDIVERSE_MAX_INBOXES_PER_DOMAIN=${BROADSHEET_FEDIVERSE_MAX_INBOXES_PER_DOMAIN:-$FOLLOWERS} \
  java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" > "$BENCH_DIR/service.log" 2>&1 &
JAR_PID=$!
wait_for "the service ready (see $BENCH_DIR/service.log)" curl -sf "$BASE/health/readiness"

publish() { # publish SLUG PUBLISHED_AT: one article in world, answered 201
  local body
  body=$(python3 -c "import json,sys; print(json.dumps({'slug': sys.argv[1], 'title': sys.argv[1] + ' title',
    'summary': 'A benchmark article.', 'body': '<p>Benchmark.</p>', 'categories': ['world'], 'publishedAt': sys.argv[2],
    'images': [{'url': 'https://media.example.com/' + sys.argv[1] + '.jpg', 'mimeType': 'image/jpeg', 'width': 1200,
    'height': 800, 'caption': 'A caption', 'credit': 'A credit', 'alt': 'An alt text'}]}))" "$1" "$2")
  local status
  status=$(curl -s -o "$BENCH_DIR/publish.out" -w '%{http_code}' -X POST "$BASE/api/articles" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "$body")
  [ "$status" = 201 ] || { echo "publishing $1 answered $status: $(cat "$BENCH_DIR/publish.out")" >&2; exit 1; }
}
publish bench-archived 2024-01-01T00:00:00Z # the world feed exists once it holds an article; this one is not sent

echo "## Following"
start=$(now_ms)
curl -sf -X POST "$STUB/control/follow" --max-time "$TIMEOUT" -H 'Content-Type: application/json' \
  -d "{\"object\": \"$BASE/fediverse/world\", \"inbox\": \"$BASE/fediverse/world/inbox\", \"count\": $FOLLOWERS, \"concurrency\": 8}" \
  > "$BENCH_DIR/follow.json"
followed=$(now_ms)
echo "follows in $(( followed - start )) ms: $(json_field "{'accepted': d['accepted'], 'busy (503, tried again)': d['busy'], 'failed': len(d['failed']), 'first failures': d['failed'][:3]}" < "$BENCH_DIR/follow.json")"
[ "$(json_field "d['accepted']" < "$BENCH_DIR/follow.json")" = "$FOLLOWERS" ] \
  || { echo "not every Follow was accepted (see $BENCH_DIR/service.log)" >&2; exit 1; }
wait_for "$FOLLOWERS Accepts at the stub" stub_has Accept "$FOLLOWERS"
accepted=$(stub_stat "d['lastAt']")
total=$(curl -sf -H 'Accept: application/activity+json' "$BASE/fediverse/world/followers" | json_field "d['totalItems']")
echo "followers collection: $total; all Accepts delivered $(( accepted - start )) ms after the first Follow"
[ "$total" = "$FOLLOWERS" ] || { echo "expected $FOLLOWERS followers, found $total" >&2; exit 1; }

echo "## Publishing and delivering"
before=$(delivered)
start=$(now_ms)
for i in $(seq 1 "$ARTICLES"); do
  publish "bench-$i" "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
done
published=$(now_ms)
echo "$ARTICLES articles published in $(( published - start )) ms, $(( (published - start) / ARTICLES )) ms each (each answer queues one delivery per follower inbox)"
expected=$(( ARTICLES * FOLLOWERS ))
deadline=$(( $(date +%s) + TIMEOUT ))
while true; do
  creates=$(stub_stat "d['byType'].get('Create', 0)")
  echo "  +$(( ($(now_ms) - start) / 1000 )) s: stub received $creates of $expected Creates; service counter delivered $(delivered)"
  [ "$creates" -ge "$expected" ] && break
  [ "$(date +%s)" -lt "$deadline" ] || { echo "not all Creates within $TIMEOUT s" >&2; exit 1; }
  sleep 5
done
last=$(stub_stat "d['lastAt']")
after=$(delivered)
elapsed=$(( last - start ))
echo "## Result"
echo "stub: $(curl -sf "$STUB/control/stats")"
echo "$expected deliveries of $ARTICLES Creates in $elapsed ms from the first publish to the last delivery:"
python3 - "$expected" "$ARTICLES" "$elapsed" "$before" "$after" <<'EOF'
import sys
deliveries, articles, ms, before, after = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
print(f"  {deliveries / ms * 1000:.0f} deliveries/s, {articles / ms * 1000:.2f} activities/s (each to every inbox)")
if before != "n/a" and after != "n/a":
    print(f"  the service counted {int(after) - int(before)} deliveries in that time")
else:
    print("  the service's counter broadsheet_fediverse_deliveries_total is not in /metrics")
EOF
echo "service: resident $(( $(awk '/VmRSS/ {print $2}' "/proc/$JAR_PID/status") / 1024 )) MiB; errors in its log: $(awk '$2 == "ERROR"' "$BENCH_DIR/service.log" | wc -l)"
