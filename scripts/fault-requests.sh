#!/usr/bin/env bash
# Faults (issue 12): a 100 MB request, slow clients (slow loris), 1,000 sign-ins per second. In each, the app must stay up
# for the others: a signed-in user's list page (/declarations, reviewer-dsj) is measured with wrk (-t1 -c4) before and
# during the fault.
#
# Usage: bash scripts/fault-requests.sh          (as root or as a user that may run the PostgreSQL 15 binaries; wrk)
#
#   1. 100 MB: one request of 100 MB each to a page form (POST /declarations), the import upload (multipart POST /imports),
#      the API (POST /api/v1/declarations with a token) and /login — status, time, how much of the body was sent before
#      the answer, what the answer said; then 8 clients sending 100 MB uploads in a loop for 20 s while the list page is
#      measured; the app's heap after a full GC and its resident memory before and after.
#   2. Slow clients: FAULT_SLOW (500) connections that send a request line and then a header byte every 5 s, and 50 that
#      send nothing, for 40 s, while the list page is measured; how many of each the server closed.
#   3. Login-page flood: wrk -t2 -c50 GET /login, unpaced, for 30 s while the list page is measured; how many session
#      rows the flood wrote (none since SignInCsrfTokens: the login page keeps its CSRF token in a cookie until the
#      sign-in; 19,048 in 30 s before) and what the app and PostgreSQL spent per request.
#   4. Sign-in flood: wrk -t2 -c100 with scripts/faults/login-flood.lua (paced to at most 1,000 POST /login per second:
#      80 % unknown names, 15 % real users with wrong passwords, 5 % right) for 40 s, while the list page is measured and
#      the bureau's user signs in 10 times; once with the login throttle (the default) and once without
#      (--perf.security.login-throttle.enabled=false), each on a freshly started app.
# Output also in target/fault-requests.txt, the app's log in target/fault-requests-app.log.
# Settings: FAULT_SLOW=500, FAULT_PG_PORT, FAULT_PORT, FAULT_JAVA_OPTS=-Xmx1g, FAULT_JAR=<jar> (default: the build's),
# FAULT_PARTS="1 2 3 4" (which of the parts above to run)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/faults/lib.sh

SLOW=${FAULT_SLOW:-500}
mkdir -p target
report="$root/target/fault-requests.txt"
app_log="$root/target/fault-requests-app.log"
: >"$report"; : >"$app_log"
exec > >(tee -a "$report") 2>&1

for tool in java curl psql python3 wrk jcmd; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
[ -x "$PG_BIN/initdb" ] || die "no PostgreSQL server binaries in $PG_BIN"

FAULT_WORK=$(mktemp -d "${TMPDIR:-/tmp}/fault-requests.XXXXXX")
chmod 755 "$FAULT_WORK"
bg_pids=()
cleanup() {
  local rc=$?
  set +e
  for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; done
  app_stop
  [ -n "${PG_DIR:-}" ] && pg_running && pg_stop immediate
  rm -rf "$FAULT_WORK"
  [ "$rc" -ne 0 ] && echo "FAILED (exit $rc). App log: $app_log"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT=${FAULT_PG_PORT:-$(free_port 55650 55699)} || die "no free port for PostgreSQL"
PORT=${FAULT_PORT:-$(free_port 18650 18699)} || die "no free port for the app"
base="http://127.0.0.1:$PORT"
pg_init "$FAULT_WORK/pg" "$PG_PORT"
pg_start
q postgres -c "create database perf"
jar=$(fault_jar)
export PYTHONPATH="$root/scripts/faults"
py() { python3 scripts/faults/requests_faults.py "$@"; }

start_app() {
  info "starting the app on port $PORT $*"
  app_start "$jar" perf "$PORT" "$app_log" "$@"
  local secs; secs=$(app_wait_up "$PORT" 300) || { tail -n 30 "$app_log"; die "the app did not start"; }
  info "app UP after $secs s"
  py prepare "$PORT" "$FAULT_WORK"
  viewer_cookie=$(cat "$FAULT_WORK/viewer-cookie")
}

# measure <seconds> <label>: the signed-in reviewer's list page under wrk -t1 -c4
measure() {
  wrk -t1 -c4 -d"$1"s --timeout 10s --latency -H "Cookie: $viewer_cookie" "$base/declarations" >"$FAULT_WORK/wrk.txt" 2>&1
  local p50 p90 p99 rps non2xx
  p50=$(awk '$1 == "50%" {print $2}' "$FAULT_WORK/wrk.txt"); p90=$(awk '$1 == "90%" {print $2}' "$FAULT_WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$FAULT_WORK/wrk.txt"); rps=$(awk '/^Requests\/sec:/ {print $2}' "$FAULT_WORK/wrk.txt")
  non2xx=$(awk -F': *' '/Non-2xx or 3xx/ {print $2}' "$FAULT_WORK/wrk.txt"); timeouts=$(grep -o 'timeout [0-9]*' "$FAULT_WORK/wrk.txt" || true)
  echo "  list page for reviewer-dsj, $2: median $p50, p90 $p90, p99 $p99, $rps req/s${non2xx:+, $non2xx non-2xx}${timeouts:+, $timeouts}"
}
memory() {
  jcmd "$APP_PID" GC.run >/dev/null 2>&1
  local heap rss
  heap=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -n1 | tr -dc 0-9)
  rss=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
  echo "  app memory $1: heap used after a full GC $((heap / 1024)) MB, resident $((rss / 1024)) MB"
}

echo "=== fault-requests $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_app

PARTS=" ${FAULT_PARTS:-1 2 3 4} "
part() { [[ "$PARTS" == *" $1 "* ]]; }

if part 1; then
echo; echo "--- 1. 100 MB requests"
measure 10 "before"
memory "before"
py big "$PORT" "$FAULT_WORK" 100
info "8 clients sending 100 MB uploads in a loop for 20 s, the list page measured meanwhile"
end=$((SECONDS + 22))
for i in 1 2 3 4 5 6 7 8; do
  ( while [ $SECONDS -lt $end ]; do py big "$PORT" "$FAULT_WORK" 100 >>"$FAULT_WORK/big-loop.txt" 2>&1; done ) &
  bg_pids+=($!)
done
sleep 2
measure 20 "during 8 × 100 MB uploads"
wait "${bg_pids[@]}" 2>/dev/null || true; bg_pids=()
echo "  answers of the loop: $(grep -o 'HTTP [0-9]*' "$FAULT_WORK/big-loop.txt" | sort | uniq -c | awk '{printf "%s %s × %s; ", $2, $3, $1}')"
memory "after"

fi

if part 2; then
echo; echo "--- 2. slow clients"
measure 10 "before"
py slow "$PORT" "$SLOW" 40 &
bg_pids+=($!)
sleep 5
measure 30 "with $SLOW slow + 50 silent connections open"
wait "${bg_pids[@]}" 2>/dev/null || true; bg_pids=()
measure 10 "after"
fi

# cpu_of <pid…>: the CPU seconds the processes have used; pg_pids: this run's PostgreSQL server and every process it
# started
cpu_of() { local p; for p in "$@"; do [ -r "/proc/$p/stat" ] && cat "/proc/$p/stat"; done | awk '{s += ($14 + $15) / 100} END {print s + 0}'; }
pg_pids() { local master; master=$(head -n 1 "$PG_DIR/data/postmaster.pid"); echo "$master" $(pgrep -P "$master" || true); }

if part 3; then
echo; echo "--- 3. login-page flood: GET /login as fast as 50 connections can"
measure 10 "before"
sessions0=$(q perf -c "select count(*) from spring_session")
app0=$(cpu_of "$APP_PID"); pg0=$(cpu_of $(pg_pids))
wrk -t2 -c50 -d30s --timeout 10s --latency "$base/login" >"$FAULT_WORK/pages.txt" 2>&1 &
bg_pids+=($!)
sleep 5
measure 20 "during the login-page flood"
wait "${bg_pids[@]}" 2>/dev/null || true; bg_pids=()
sessions1=$(q perf -c "select count(*) from spring_session")
app1=$(cpu_of "$APP_PID"); pg1=$(cpu_of $(pg_pids))
served=$(awk '/requests in/ {print $1}' "$FAULT_WORK/pages.txt")
echo "  flood: $served requests = $(awk '/^Requests\/sec:/ {print $2}' "$FAULT_WORK/pages.txt") req/s; latency median $(awk '$1 == "50%" {print $2}' "$FAULT_WORK/pages.txt"), p99 $(awk '$1 == "99%" {print $2}' "$FAULT_WORK/pages.txt"); $(grep 'Non-2xx' "$FAULT_WORK/pages.txt" || echo 'all 2xx')"
echo "  session rows written by the flood: $((sessions1 - sessions0)); CPU during it: app $(awk -v a="$app0" -v b="$app1" 'BEGIN {printf "%.1f", b - a}') s, PostgreSQL $(awk -v a="$pg0" -v b="$pg1" 'BEGIN {printf "%.1f", b - a}') s, per request app $(awk -v a="$app0" -v b="$app1" -v n="$served" 'BEGIN {printf "%.2f", 1000 * (b - a) / n}') ms, PostgreSQL $(awk -v a="$pg0" -v b="$pg1" -v n="$served" 'BEGIN {printf "%.2f", 1000 * (b - a) / n}') ms"
measure 10 "after"
fi

flood() {  # flood <label>
  echo; echo "--- 4. sign-in flood, $1"
  measure 20 "before the flood"
  FLOOD_PAIRS="$FAULT_WORK/login-pairs" wrk -t2 -c100 -d40s --timeout 10s --latency -s scripts/faults/login-flood.lua \
    "$base/login" >"$FAULT_WORK/flood.txt" 2>&1 &
  bg_pids+=($!)
  sleep 5
  py logins "$PORT" 10 >"$FAULT_WORK/logins.txt" 2>&1 &
  bg_pids+=($!)
  measure 30 "during the flood"
  wait "${bg_pids[@]}" 2>/dev/null || true; bg_pids=()
  cat "$FAULT_WORK/logins.txt" | sed 's/^/  /'
  echo "  flood: $(awk '/requests in/ {print $1, "requests in", $4}' "$FAULT_WORK/flood.txt") = $(awk '/^Requests\/sec:/ {print $2}' "$FAULT_WORK/flood.txt") req/s; latency median $(awk '$1 == "50%" {print $2}' "$FAULT_WORK/flood.txt"), p99 $(awk '$1 == "99%" {print $2}' "$FAULT_WORK/flood.txt"); $(grep 'Socket errors' "$FAULT_WORK/flood.txt" || echo 'no socket errors')"
  echo "  $(grep 'flood answers' "$FAULT_WORK/flood.txt")"
  echo "  app log: $(grep -c '登录请求过多' "$app_log" || true) throttle lines so far; audit entries login.failed: $(q perf -c "select count(*) from audit_entry where action = 'login.failed'")"
  measure 10 "after the flood"
}
if part 4; then
flood "with the login throttle (default)"
app_stop
start_app --perf.security.login-throttle.enabled=false
flood "WITHOUT the login throttle (--perf.security.login-throttle.enabled=false)"
fi
app_stop
echo; echo "done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
