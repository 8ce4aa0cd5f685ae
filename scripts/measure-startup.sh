#!/usr/bin/env bash
# Measures the run command's start-up: time to "ready" and resident memory of the JVM and of the embedded
# PostgreSQL, on a fresh data directory (first start: initdb + migrations + demo data) and again on the same
# directory (second start). Usage: scripts/measure-startup.sh   (after ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=perf-web/target/perf-web-exec.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
data=$(mktemp -d)
port=${PORT:-18089}
trap 'rm -rf "$data"' EXIT

run() {
  local label=$1 log="$data/$1.log"
  local t0; t0=$(date +%s.%N)
  PERF_DATA_DIR="$data" java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    grep -q "已启动：http" "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.2
  done
  local t1; t1=$(date +%s.%N)
  curl -fsS "http://127.0.0.1:$port/login" >/dev/null
  sleep 2
  local jvm_kb; jvm_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  local pg_kb; pg_kb=$(ps -o rss= --ppid "$(pgrep -f "$data/postgres" | head -1)" 2>/dev/null | awk '{s+=$1} END {print s+0}')
  local pg_main; pg_main=$(pgrep -f "$data/postgres" | head -1 | xargs -r ps -o rss= -p | awk '{s+=$1} END {print s+0}')
  local spring; spring=$(grep -o "Started PerfApplication in [0-9.]* seconds" "$log" || true)
  printf '%-7s ready after %5.1f s (%s); RSS: JVM %d MiB, embedded PostgreSQL %d MiB\n' "$label" \
    "$(echo "$t1 - $t0" | bc)" "$spring" $((jvm_kb / 1024)) $(((pg_kb + pg_main) / 1024))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run first
run second
