#!/usr/bin/env bash
# Cross-instance propagation: two jars on one PostgreSQL (fetched by Maven), writes alternating between them,
# each timed from the writing instance's answer until the other serves the new item, and, for comparison,
# until the writing instance serves it itself (the cost of rendering the changed feed).
# Needs: Java 17. Usage: bench/propagation.sh [writes, default 400]
set -euo pipefail
cd "$(dirname "$0")/.."
WRITES=${1:-400}
./mvnw -B -q clean package -DskipTests
./mvnw -B -q failsafe:integration-test failsafe:verify -Dit.test=TwoInstancesIT -Dpropagation.writes="$WRITES"
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores: $(cat target/propagation.txt)"
