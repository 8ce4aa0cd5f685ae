#!/usr/bin/env bash
# Fault (issue 12): PostgreSQL restarted while users work. The app must serve again by itself within seconds, users
# must get the Chinese 503 page (系统繁忙，请稍后重试, Retry-After) meanwhile and never a 500 or a stack trace, and no
# form may be half-written (every save is one transaction).
#
# Usage: bash scripts/fault-pg-restart.sh        (as root or as a user that may run the PostgreSQL 15 binaries)
#
# What it does:
#   1. creates a private PostgreSQL cluster (initdb under a temporary directory, its own port, trust on 127.0.0.1):
#      the machine's own PostgreSQL is shared with other test runs and is never touched;
#   2. starts the app on it with the demo data; each of the 5 demo filers creates a 申报表 of 40 indicators and
#      13 sub-projects, every row carrying a marker;
#   3. puts load on it (scripts/faults/load.py, 10 logged-in users, one thread each, no think time): filers open the
#      edit page and save it with its version, every row re-marked (#M<user>v<version>s<n>#), then the list and 待办;
#      reviewers and the bureau open the list, 待办 and read views;
#   4. after FAULT_WARMUP s: `pg_ctl restart -m fast`; FAULT_GAP s later: `pg_ctl stop -m fast`, 10 s down,
#      `pg_ctl start`; FAULT_GAP s later: `pg_ctl restart -m immediate` (a crash: recovery from the WAL);
#   5. stops the load and reports per fault (from its start to the next one's) what users got (status codes, whether
#      each body was the 503 page), how long until the first good answer once PostgreSQL was back and until the app
#      served without a failure again, and checks every declaration: one marker on all 53 rows (whole) and the last
#      acknowledged save kept. The requests are kept in target/fault-pg-restart-events.jsonl (one JSON line each).
# Output also in target/fault-pg-restart.txt, the app's log in target/fault-pg-restart-app.log.
#
# Settings (environment): FAULT_WARMUP=20 FAULT_GAP=30 (seconds), FAULT_DOWN=10 (seconds the cluster stays stopped),
#   FAULT_PG_PORT (default: free in 55650-55699), FAULT_PORT (app, default: free in 18650-18699), FAULT_JAVA_OPTS=-Xmx1g
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/faults/lib.sh

WARMUP=${FAULT_WARMUP:-20}
GAP=${FAULT_GAP:-30}
DOWN=${FAULT_DOWN:-10}
mkdir -p target
report="$root/target/fault-pg-restart.txt"
app_log="$root/target/fault-pg-restart-app.log"
: >"$report"; : >"$app_log"
exec > >(tee -a "$report") 2>&1

for tool in java curl psql python3 runuser; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
[ -x "$PG_BIN/initdb" ] || die "no PostgreSQL server binaries in $PG_BIN (apt-get install postgresql-15, or FAULT_PG_BIN)"

FAULT_WORK=$(mktemp -d "${TMPDIR:-/tmp}/fault-pg-restart.XXXXXX")
chmod 755 "$FAULT_WORK"
load_pid=""
cleanup() {
  local rc=$?
  set +e
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null
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
info "private PostgreSQL cluster on port $PG_PORT in $FAULT_WORK/pg"
pg_init "$FAULT_WORK/pg" "$PG_PORT"
pg_start
q postgres -c "create database perf"
jar=$(fault_jar)
info "starting the app on port $PORT"
app_start "$jar" perf "$PORT" "$app_log"
secs=$(app_wait_up "$PORT" 300) || { tail -n 40 "$app_log"; die "the app did not start"; }
info "app UP after $secs s"

export PYTHONPATH="$root/scripts/faults"
python3 scripts/faults/load.py setup "$PORT" "$FAULT_WORK/state.json"

events="$FAULT_WORK/events.jsonl"
total=$((WARMUP + 3 * GAP + DOWN + 10))
info "load for ${total} s: 5 filers saving, 5 reviewers reading"
python3 scripts/faults/load.py run "$PORT" "$FAULT_WORK/state.json" "$events" "$total" &
load_pid=$!

now() { date +%s.%N; }
marks="{"
sleep "$WARMUP"
info "fault 1: pg_ctl restart -m fast"
t=$(now); pg_ctl_ -w -t 60 -m fast restart >/dev/null; b=$(now)
marks+="\"pg_ctl restart -m fast\": {\"began\": $t, \"back\": $b}"
info "PostgreSQL back after $(awk -v a="$t" -v b="$b" 'BEGIN{printf "%.1f", b-a}') s"
sleep "$GAP"
info "fault 2: pg_ctl stop -m fast, ${DOWN} s down, pg_ctl start"
t=$(now); pg_stop fast; sleep "$DOWN"; pg_start; b=$(now)
marks+=", \"stop -m fast, ${DOWN} s down, start\": {\"began\": $t, \"back\": $b}"
info "PostgreSQL back after $(awk -v a="$t" -v b="$b" 'BEGIN{printf "%.1f", b-a}') s"
sleep "$GAP"
info "fault 3: pg_ctl restart -m immediate (crash and WAL recovery)"
t=$(now); pg_ctl_ -w -t 60 -m immediate restart >/dev/null; b=$(now)
marks+=", \"pg_ctl restart -m immediate\": {\"began\": $t, \"back\": $b}"
marks+="}"
info "PostgreSQL back after $(awk -v a="$t" -v b="$b" 'BEGIN{printf "%.1f", b-a}') s"
echo "$marks" >"$FAULT_WORK/marks.json"
wait "$load_pid" || true
load_pid=""
info "load finished"
cp "$events" "$root/target/fault-pg-restart-events.jsonl"
cp "$FAULT_WORK/marks.json" "$root/target/fault-pg-restart-marks.json"
cp "$FAULT_WORK/state.json" "$root/target/fault-pg-restart-state.json"

# Every test declaration: its header marker, version, rows (indicators + sub-projects) and rows with another marker.
q perf -F $'\t' -c "
  with d as (select id, version, substring(overview from '#M[^#]+#') as m from declaration
             where project_name like '故障测试（数据库重启）%')
  select d.id, d.m, d.version,
         (select count(*) from declaration_indicator i where i.declaration_id = d.id)
           + (select count(*) from declaration_sub_project s where s.declaration_id = d.id),
         (select count(*) from declaration_indicator i where i.declaration_id = d.id
            and substring(i.explanation from '#M[^#]+#') is distinct from d.m)
           + (select count(*) from declaration_sub_project s where s.declaration_id = d.id
            and substring(s.name from '#M[^#]+#') is distinct from d.m)
  from d order by d.id" >"$FAULT_WORK/markers.tsv"

echo
echo "=== fault-pg-restart $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD); load average before the report: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "app: Hikari connection-timeout $(grep -o 'PERF_DB_WAIT_MS:[0-9]*' perf-web/src/main/resources/application.yml | cut -d: -f2) ms; PostgreSQL $(q postgres -c 'show server_version')"
cp "$FAULT_WORK/markers.tsv" "$root/target/fault-pg-restart-markers.tsv"
python3 scripts/faults/load.py report "$FAULT_WORK/state.json" "$events" "$FAULT_WORK/marks.json" "$FAULT_WORK/markers.tsv"
grep -c "Database unavailable" "$app_log" | xargs -I{} echo "app log: {} requests answered with the 503 page (DatabaseUnavailable)"
echo "app log: $(grep -c ' ERROR ' "$app_log" || true) ERROR lines; first of them:"
grep ' ERROR ' "$app_log" | cut -c1-240 | head -n 5 || true
