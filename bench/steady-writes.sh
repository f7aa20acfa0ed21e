#!/usr/bin/env bash
# Steady single writes against a running Broadsheet: one article of CORPUS replaced per PUT, RATE a second,
# for SECONDS; prints the H2 file's size every minute. The service must have imported CORPUS.
# Usage: bench/steady-writes.sh PORT TOKEN CORPUS SECONDS RATE DATABASE_FILE
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/steady_writes.py "$@"
