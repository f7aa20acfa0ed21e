#!/usr/bin/env bash
# Same answers before and after a change: fills one H2 database with the corpus (20,000 articles by default) through
# the BEFORE jar, applies the lifecycle (corrections, withdrawals, a deletion, an expiry to come, an embargoed story,
# a partner key), saves every answer (bench/snapshot.py), then starts the AFTER jar on a copy of that database (its
# migrations run) and saves every answer again. The two snapshots must not differ: `diff -r` says where they do.
# Usage: bench/snapshot.sh BEFORE.jar AFTER.jar [count]
# KEEP_BEFORE=1 keeps the BEFORE database and snapshot of an earlier run (to compare another AFTER jar with them).
# Needs: Java 17, python3, curl. Loopback only. Data under $SNAPSHOT_DIR (default /tmp/broadsheet-snapshot).
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=$(realpath "$1")
AFTER=$(realpath "$2")
COUNT=${3:-20000}
WORK=${SNAPSHOT_DIR:-/tmp/broadsheet-snapshot}
PORT=${SNAPSHOT_PORT:-18480}
TOKEN=snapshot-admin-token-of-at-least-32-characters
BASE=http://localhost:$PORT
APP=
trap 'if [ -n "$APP" ]; then kill $APP 2>/dev/null || true; fi' EXIT
mkdir -p "$WORK"
rm -rf "$WORK/data-after" "$WORK/after"


start() { # jar data-dir
  BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$2" BROADSHEET_ADMIN_TOKEN=$TOKEN BROADSHEET_SAMPLE_DATA=false \
    BROADSHEET_CONFIG_DIR="$WORK/config" BROADSHEET_SITE_BASE_URL=$BASE \
    BROADSHEET_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 BROADSHEET_RATE_LIMIT_BURST=1000000 \
    java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$1" >> "$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null "$BASE/feeds/all.rss" && return 0
    sleep 0.1
  done
  echo "the service did not start: see $WORK/app.log" >&2
  exit 1
}

stop() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  APP=
}

api() { # method path [body]
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -X "$1" "$BASE$2" \
    ${3:+--data-binary "$3"}
}

if [ "${KEEP_BEFORE:-0}" != 1 ] || [ ! -f "$WORK/before.done" ]; then
rm -rf "$WORK/data-before" "$WORK/before" "$WORK/config" "$WORK/before.done"
# the shipped feed definitions plus a partner feed
cp -r feeds-config "$WORK/config"
cat >> "$WORK/config/broadsheet.yml" <<'YAML'
  wire:
    title: Broadsheet Wire
    description: Every story in full, for partners.
    access: partner
YAML

corpus=$WORK/corpus-$COUNT.ndjson
[ -f "$corpus" ] || python3 tools/corpus/generate.py --count "$COUNT" --every 5 > "$corpus"
python3 -c 'import json,sys
for line in open(sys.argv[1]): print(json.loads(line)["slug"])' "$corpus" > "$WORK/slugs.txt"

start "$BEFORE" "$WORK/data-before"
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' -X POST -T "$corpus" \
  "$BASE/api/articles/import" > /dev/null
# the lifecycle, on the newest stories (the ones the first pages carry) and a few older ones
mapfile -t newest < <(tail -n 40 "$WORK/slugs.txt")
for i in 0 7 19 33; do
  api POST "/api/articles/${newest[$i]}/withdraw" '{"reason": "Legal request"}' > /dev/null
done
for i in 3 11 25 38; do
  body=$(api GET "/api/articles/${newest[$i]}" | python3 -c 'import json,sys
a = json.load(sys.stdin); a["correction"] = "An earlier version gave the toll as 40; it was 14."; print(json.dumps(a))')
  api PUT "/api/articles/${newest[$i]}" "$body" > /dev/null
done
api DELETE "/api/articles/${newest[5]}" > /dev/null
sed -i "/^${newest[5]}\$/d" "$WORK/slugs.txt"
body=$(api GET "/api/articles/${newest[14]}" | python3 -c 'import json,sys
a = json.load(sys.stdin); a["expiresAt"] = "2099-01-01T00:00:00Z"; print(json.dumps(a))')
api PUT "/api/articles/${newest[14]}" "$body" > /dev/null
api POST /api/articles "$(python3 -c 'import json,sys
a = json.loads(open(sys.argv[1]).readline()); a["slug"] = "embargoed-until-2099"
a["publishedAt"] = "2099-01-01T00:00:00Z"; print(json.dumps(a))' "$corpus")" > /dev/null
echo embargoed-until-2099 >> "$WORK/slugs.txt"
key=$(api POST /api/partners '{"name": "Snapshot partner", "feeds": ["wire"]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
echo "$key" > "$WORK/partner-key"
python3 bench/snapshot.py "$BASE" "$TOKEN" "$key" "$WORK/slugs.txt" "$WORK/before" wire
stop
touch "$WORK/before.done"
fi
key=$(cat "$WORK/partner-key")

cp -r "$WORK/data-before" "$WORK/data-after"
start "$AFTER" "$WORK/data-after"
python3 bench/snapshot.py "$BASE" "$TOKEN" "$key" "$WORK/slugs.txt" "$WORK/after" wire
stop

if diff -rq "$WORK/before" "$WORK/after" > "$WORK/differences.txt"; then
  echo "identical: $(ls "$WORK/before" | wc -l) answers"
else
  echo "$(wc -l < "$WORK/differences.txt") answers differ: $WORK/differences.txt (diff -r $WORK/before $WORK/after)"
  exit 1
fi
