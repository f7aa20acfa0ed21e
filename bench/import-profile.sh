#!/usr/bin/env bash
# Where an import spends its time: the jar with -Xmx256m on a fresh H2 database, a JFR recording (profile
# settings) around one streamed import of the first LINES lines of a corpus, then the hottest methods by their own
# samples and by the samples they are on the stack of (bench/jfr_top.py), the GC pauses and the bytes allocated.
# Needs Java 17 (jcmd, jfr), python3, curl, a built jar. Loopback only; every step is bounded.
# Usage: bench/import-profile.sh CORPUS [lines, default 200000] > profile.txt
#   JAR (default target/broadsheet-0.1.0.jar), BENCH_PORT (default 18490), BENCH_DIR (default a fresh mktemp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=$1
LINES=${2:-200000}
JAR=${JAR:-target/broadsheet-0.1.0.jar}
PORT=${BENCH_PORT:-18490}
WORK=${BENCH_DIR:-$(mktemp -d /tmp/import-profile.XXXXXX)}
TOKEN=bench-admin-token-of-at-least-32-characters
mkdir -p "$WORK"
rm -rf "$WORK/data"
APP=""
trap '[ -n "$APP" ] && kill $APP 2>/dev/null || true' EXIT

head -n "$LINES" "$CORPUS" > "$WORK/part.ndjson"
BROADSHEET_PORT=$PORT BROADSHEET_DATA_DIR="$WORK/data" BROADSHEET_ADMIN_TOKEN=$TOKEN BROADSHEET_SAMPLE_DATA=false \
  BROADSHEET_CONFIG_DIR=feeds-config BROADSHEET_SITE_BASE_URL=http://localhost:$PORT \
  java -Xmx256m -XX:+ExitOnOutOfMemoryError -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar "$JAR" \
  > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 1200); do curl -sf -o /dev/null "localhost:$PORT/feeds/all.rss" && break; sleep 0.1; done
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$APP/stat"; }  # the process's user+system seconds
jcmd "$APP" JFR.start name=import settings=profile filename="$WORK/import.jfr" > /dev/null
c0=$(cpu)
t0=$(date +%s.%N)
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' -X POST -T "$WORK/part.ndjson" \
  "localhost:$PORT/api/articles/import" > "$WORK/import-answer.json"
t1=$(date +%s.%N)
c1=$(cpu)
jcmd "$APP" JFR.stop name=import > /dev/null
echo "# Import profile, $(date -u +%Y-%m-%dT%H:%MZ), $JAR, first $LINES lines of $CORPUS, -Xmx256m, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "import: $(echo "$LINES $t0 $t1" | awk '{printf "%.0f articles/s in %.1f s", $1 / ($3 - $2), $3 - $2}'); answer: $(head -c 200 "$WORK/import-answer.json")"
echo "CPU of the process during the import (user+system): $(echo "$c0 $c1 $LINES" | awk '{printf "%.1f s, %.0f us per article", $2 - $1, ($2 - $1) * 1e6 / $3}')"
jfr summary "$WORK/import.jfr" | awk '$1 ~ /^jdk\.(ExecutionSample|GarbageCollection|ObjectAllocationSample|JavaMonitorWait|ThreadPark)$/ {print "  " $1 ": " $2 " events"}'
jfr print --json --events jdk.GarbageCollection "$WORK/import.jfr" | python3 -c '
import json, re, sys
events = json.load(sys.stdin)["recording"]["events"]
def ms(v):
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", v) if isinstance(v, str) else None
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) * 1000 if m else float(v) / 1e6
total = sum(ms(e["values"]["sumOfPauses"]) for e in events)
names = sorted(set(e["values"]["name"] for e in events))
print("GC: %d collections (%s), pauses %.1f s in all" % (len(events), ", ".join(names), total / 1000))'
echo
jfr print --events jdk.ExecutionSample --stack-depth 96 "$WORK/import.jfr" > "$WORK/samples.txt"
python3 bench/jfr_top.py "$WORK/samples.txt" "${TOP:-40}"
