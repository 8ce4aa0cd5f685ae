#!/usr/bin/env bash
# Fault (issue 12): kill -9 of the app during an import, a save, a PDF signing and a background export. After the
# restart nothing may be partial: the waiting import stored whole or not at all, the save whole or not at all, the
# signed PDF present and valid (pdfsig) or absent and re-created by the backfill, the export's zip whole or absent and
# written again once the job's node has been silent for a minute.
#
# Usage: bash scripts/fault-kill9.sh        (as root or as a user that may run the PostgreSQL 15 binaries)
#
# What it does: a private PostgreSQL cluster (never the machine's own, which other test runs share), the app on it with
# the demo data, then scripts/faults/kill9.py: for each operation it first times FAULT_ATTEMPTS-independent unkilled
# runs, then FAULT_ATTEMPTS times starts the operation, sends SIGKILL to the app at a random moment within that time,
# starts the app again and checks the database (markers on every row of the form, the waiting import, the signed PDFs
# with pdfsig). See kill9.py for each operation. Every restart is a cold start of the app: the run takes a while
# (about 2 × FAULT_ATTEMPTS + 3 × FAULT_ATTEMPTS starts for the five operations; an export waits about a minute
# after each restart for its job to be taken up again).
# Output also in target/fault-kill9.txt, the app's log (all its lives) in target/fault-kill9-app.log.
#
# Settings (environment): FAULT_ATTEMPTS=5 (per operation), FAULT_OPS="save import approval backfill export" (which),
#   FAULT_SEED (random delays), FAULT_PG_PORT, FAULT_PORT,
#   FAULT_JAVA_OPTS=-Xmx1g
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/faults/lib.sh

ATTEMPTS=${FAULT_ATTEMPTS:-5}
mkdir -p target
report="$root/target/fault-kill9.txt"
app_log="$root/target/fault-kill9-app.log"
: >"$report"; : >"$app_log"
exec > >(tee -a "$report") 2>&1

for tool in java curl psql python3 pdfsig; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
[ -x "$PG_BIN/initdb" ] || die "no PostgreSQL server binaries in $PG_BIN (apt-get install postgresql-15, or FAULT_PG_BIN)"

FAULT_WORK=$(mktemp -d "${TMPDIR:-/tmp}/fault-kill9.XXXXXX")
chmod 755 "$FAULT_WORK"
cleanup() {
  local rc=$?
  set +e
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
echo "=== fault-kill9 $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD), $ATTEMPTS attempts per operation; load average $(cut -d' ' -f1-3 /proc/loadavg)"
PYTHONPATH="$root/scripts/faults" python3 scripts/faults/kill9.py "$jar" "$PG_PORT" "$PORT" "$FAULT_WORK" "$app_log" "$ATTEMPTS"
