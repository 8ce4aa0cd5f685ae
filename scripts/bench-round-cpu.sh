#!/usr/bin/env bash
# Issue 12: what one deadline-week round costs the app, request by request (CPU of the request threads), on a database
# made by scripts/generate-data.sh. The Gatling run (scripts/load-deadline-week.sh) says how the node copes with
# thousands of users; this says which request to make cheaper, and compares two builds on the same data without the
# noise of a loaded machine.
#
# Usage: bash scripts/bench-round-cpu.sh <generated db> [<app jar> …]     (default jar: perf-web/target/perf-web-exec.jar)
#   e.g. bash scripts/bench-round-cpu.sh perf_load_gen /tmp/before.jar perf-web/target/perf-web-exec.jar
#
# Every jar runs at once, each on its own copy of the database (CREATE DATABASE … TEMPLATE) and port; a warm-up
# (BENCH_WARM_USERS users × BENCH_ROUNDS rounds, not counted), then BENCH_USERS other users, one at a time, each signing
# in and doing BENCH_ROUNDS rounds of DeadlineWeekSimulation's steps (待办, search, 申报表, edit page, save, the edit
# page after it, 自评表, two live scores, stylesheet) on each app in turn: scripts/load/round-cpu.py reads the request
# threads' CPU before and after every request. Interleaving matters: on a shared virtual machine the CPU's speed drifts
# by 20 % and more within minutes, so two builds measured one after the other differ by more than most changes do.
# Output: one table with a column per jar (the request threads' CPU, then the CPU of the PostgreSQL backends serving
# each app's database), also appended to target/bench-round-cpu.txt.
#
# Settings: BENCH_USERS=150 BENCH_WARM_USERS=200 BENCH_ROUNDS=3 BENCH_WARM_ROUNDS=8 (rounds per warm-up user: until
# 2026-12-02 the warm-up did BENCH_ROUNDS too, 450-600 rounds, after which the JIT compiler still took a quarter of
# the process's CPU and every request cost about half as much again as after 1,600; docs/performance.md); BENCH_SEARCH=<fragment>,… (default: the simulation's
# TERMS, three characters or more); LOAD_PGHOST/LOAD_PGPORT/LOAD_PGADMIN as in
# load-deadline-week.sh; JAVA_OPTS, LOAD_APP_ARGS passed to every app, BENCH_JAVA_OPTS_<n> to app n only (the same jar
# twice with two collectors: BENCH_JAVA_OPTS_2=-XX:+UseParallelGC). BENCH_ASPROF=<path of libasyncProfiler.so>
# (async-profiler, e.g. tools.profiler:async-profiler:4.1:jar:linux-x64 from Maven Central, unzipped) profiles the
# measured part on every app (CPU, 1 ms) into target/bench-round-cpu-appN.collapsed; scripts/load/profile-by-request.py
# splits such a file by request. BENCH_ASPROF_EVENT=event=alloc,total profiles allocations instead (bytes allocated,
# sampled every 512 KB: async-profiler's default).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
SRC_DB=${1:?usage: scripts/bench-round-cpu.sh <db made by scripts/generate-data.sh> [jar …]}
shift
JARS=("$@"); [ ${#JARS[@]} -gt 0 ] || JARS=(perf-web/target/perf-web-exec.jar)
PGHOST_=${LOAD_PGHOST:-127.0.0.1}; PGPORT_=${LOAD_PGPORT:-5432}; PGADMIN=${LOAD_PGADMIN:-postgres}
USERS=${BENCH_USERS:-150}; WARM=${BENCH_WARM_USERS:-200}; ROUNDS=${BENCH_ROUNDS:-3}; WARM_ROUNDS=${BENCH_WARM_ROUNDS:-8}
out=$root/target/bench-round-cpu.txt
mkdir -p target; : >>"$out"
work=$(mktemp -d)
die() { echo "ERROR: $*" >&2; exit 1; }
info() { echo "[$(date +%H:%M:%S)] $*"; }
q() { psql -X -At -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d "$1" -c "$2"; }
for tool in java curl psql python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
q "$SRC_DB" "select count(*) from loadgen.filer" >/dev/null 2>&1 || die "$SRC_DB was not made by scripts/generate-data.sh"
pids=()
dbs=()
cleanup() {
  local p d
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for d in "${dbs[@]}"; do q postgres "drop database if exists $d" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
targets=""
n=0
for jar in "${JARS[@]}"; do
  [ -f "$jar" ] || die "no jar $jar (./mvnw -DskipTests install)"
  n=$(( n + 1 )); db=${SRC_DB}_cpu$n; dbs+=("$db")
  own_opts=BENCH_JAVA_OPTS_$n
  q postgres "drop database if exists $db" >/dev/null 2>&1
  q postgres "create database $db template $SRC_DB" >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  info "app $n: $jar ${!own_opts:-} on $db, port $port"
  # shellcheck disable=SC2086
  PERF_DB_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$db" PERF_DB_USER="$PGADMIN" PERF_PORT="$port" \
    PERF_DATA_DIR="$work/data-$n" java ${JAVA_OPTS:-} ${!own_opts:-} -jar "$jar" --perf.signing.backfill-delay=P3650D \
    ${LOAD_APP_ARGS:-} >"$root/target/bench-round-cpu-app$n.log" 2>&1 &
  pid=$!; pids+=("$pid")
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || die "app $n exited (target/bench-round-cpu-app$n.log)"
    curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
    sleep 0.5
  done
  targets+="${targets:+,}$port:$pid:$db"
done
# the same accounts in every copy
q "${dbs[0]}" "select username, declaration_id, evaluation_id from loadgen.filer order by username" \
  | awk -F'|' 'BEGIN {print "username,declaration,evaluation"} {print $1 "," $2 "," $3}' >"$work/users.csv"
accounts=$(( $(wc -l <"$work/users.csv") - 1 ))
[ "$accounts" -ge $(( WARM + USERS )) ] || die "$SRC_DB has $accounts accounts, $(( WARM + USERS )) needed"
info "warm-up: $WARM users × $WARM_ROUNDS rounds on each app"
python3 scripts/load/round-cpu.py "$targets" "$work/users.csv" "$WARM_ROUNDS" 0 "$WARM" >/dev/null
if [ -n "${BENCH_ASPROF:-}" ]; then
  for p in "${pids[@]}"; do jcmd "$p" JVMTI.agent_load "$BENCH_ASPROF" "\"start,${BENCH_ASPROF_EVENT:-event=cpu,interval=1000000}\"" >/dev/null; done
fi
info "measured: $USERS users × $ROUNDS rounds on each app in turn"
{ echo; echo "### $(date -u +%Y-%m-%dT%H:%MZ), $USERS users × $ROUNDS rounds after $WARM × $WARM_ROUNDS to warm up"
  n=0; for jar in "${JARS[@]}"; do n=$(( n + 1 )); o=BENCH_JAVA_OPTS_$n; echo "app $n: $jar ${!o:-}"; done; echo
  python3 scripts/load/round-cpu.py "$targets" "$work/users.csv" "$ROUNDS" "$WARM" "$USERS"; } | tee -a "$out"
if [ -n "${BENCH_ASPROF:-}" ]; then
  n=0
  for p in "${pids[@]}"; do
    n=$(( n + 1 ))
    jcmd "$p" JVMTI.agent_load "$BENCH_ASPROF" "\"stop,file=$root/target/bench-round-cpu-app$n.collapsed,collapsed\"" >/dev/null
    info "profile of app $n: target/bench-round-cpu-app$n.collapsed"
  done
fi
