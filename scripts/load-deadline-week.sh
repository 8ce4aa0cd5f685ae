#!/usr/bin/env bash
# Issue 12, "Load": the deadline week in Gatling (perf-load, DeadlineWeekSimulation) against the app on a database made
# by scripts/generate-data.sh, with the app, PostgreSQL and Gatling on this machine.
#
# Usage: bash scripts/load-deadline-week.sh <generated db> [users …]
#   e.g. bash scripts/load-deadline-week.sh perf_load 2000            (the issue's goal: 2,000 concurrent users)
#        LOAD_MINUTES=3 bash scripts/load-deadline-week.sh perf_load 100 200 400 800   (stepping the load up)
#
# For each number of users: a copy of the generated database (CREATE DATABASE … TEMPLATE, so every run starts from the
# same 草稿), the app on it (signing backfill postponed: the generated approved forms are unsigned and would otherwise be
# signed at ~0.3 s of CPU each during the run), the feeder (loadgen.filer: one account per virtual user), the
# simulation (./mvnw -Pload -pl perf-load gatling:test), the CPU of the app, PostgreSQL and the rest (Gatling and other
# processes) during the run, the load average before it, and Gatling's figures per request; then the app stops and the
# copy is dropped. Output: target/load-deadline-week.txt (summary), target/load-<users>-app.log, Gatling's HTML report
# under perf-load/target/gatling/.
#
# Settings (environment):
#   LOAD_MINUTES=10 LOAD_RAMP_SECONDS=120 LOAD_ITERATIONS=5 LOAD_PAUSE_MIN=5 LOAD_PAUSE_MAX=15   the simulation
#   LOAD_JFR=0           1: record the app with Java Flight Recorder (settings=profile) and print where CPU goes
#   JAVA_OPTS=""         JVM options of the app;  LOAD_APP_ARGS=""  extra app arguments (e.g. --server.tomcat.threads.max=50)
#   LOAD_JAR=perf-web/target/perf-web-exec.jar   the app jar to run (to compare two builds)
#   LOAD_WARMUP_USERS=600  before Gatling, that many of the last accounts do 3 rounds each, in LOAD_WARMUP_STREAMS=4
#                        parallel streams (scripts/load/round-cpu.py), so the JIT compiler has done most of its work,
#                        as on a node that has run for hours (after 150 users it still took 30 % of the process's CPU,
#                        after 700 users 6 %: docs/performance.md); 0: Gatling meets a cold JVM (the runs before
#                        2026-12-01's sixth session; that session's runs warmed with 100 users, one at a time)
#   PERF_DB_POOL_SIZE    the app's pool (default 10)
#   LOAD_PGHOST=127.0.0.1 LOAD_PGPORT=5432 LOAD_PGADMIN=postgres   LOAD_PORT=<free port in 18500-18599>
#   LOAD_GATLING_OPTS="" extra -D options for the simulation (e.g. -Dperf.load.pauseMax=10)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
SRC_DB=${1:?usage: scripts/load-deadline-week.sh <db made by scripts/generate-data.sh> [users …]}
shift
STEPS=("$@"); [ ${#STEPS[@]} -gt 0 ] || STEPS=(2000)
PGHOST_=${LOAD_PGHOST:-127.0.0.1}
PGPORT_=${LOAD_PGPORT:-5432}
PGADMIN=${LOAD_PGADMIN:-postgres}
MINUTES=${LOAD_MINUTES:-10}
RAMP=${LOAD_RAMP_SECONDS:-120}
ITERATIONS=${LOAD_ITERATIONS:-5}
PAUSE_MIN=${LOAD_PAUSE_MIN:-5}
PAUSE_MAX=${LOAD_PAUSE_MAX:-15}
JFR=${LOAD_JFR:-0}
JAR=${LOAD_JAR:-perf-web/target/perf-web-exec.jar}
RUN_DB=${SRC_DB}_run
mkdir -p target
summary=$root/target/load-deadline-week.txt
work=$(mktemp -d)
die() { echo "ERROR: $*" >&2; exit 1; }
info() { echo "[$(date +%H:%M:%S)] $*"; }
for tool in java curl psql awk; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d postgres "$@"; }
q() { psql -X -At -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d "$1" -c "$2"; }
q "$SRC_DB" "select count(*) from loadgen.filer" >/dev/null 2>&1 || die "$SRC_DB was not made by scripts/generate-data.sh"

app_pid=""
sampler_pid=""
activity_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$app_pid" 2>/dev/null && kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
cleanup() {
  local rc=$?
  set +e
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  [ -n "$activity_pid" ] && kill "$activity_pid" 2>/dev/null
  stop_app
  psql_admin -c "DROP DATABASE IF EXISTS $RUN_DB WITH (FORCE)" 2>/dev/null
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -f "$JAR" ] || ./mvnw -B -ntp -q -DskipTests package -pl perf-web -am || die "build failed"
cp "$JAR" "$work/app.jar"
info "compiling the simulation (./mvnw -Pload -pl perf-load test-compile)"
./mvnw -o -B -ntp -q -Pload -pl perf-load test-compile || ./mvnw -B -ntp -q -Pload -pl perf-load test-compile \
  || die "perf-load does not compile"
commit="$(git rev-parse --short HEAD)"; [ -z "$(git status --porcelain --untracked-files=no)" ] || commit+=" + changes"
free_port() { local p; for p in $(seq 18500 18599); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi; done; return 1; }
cpu_total() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
cpu_of() { local p s=0; for p in "$@"; do s=$(( s + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$s"; }
hz=$(getconf CLK_TCK)

{
  echo "=== load-deadline-week $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $commit, database $SRC_DB; $(nproc) cores,"\
    "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -n1)"
  echo "simulation: ${MINUTES} min at N concurrent users after a ${RAMP} s ramp; $ITERATIONS rounds per user, think time" \
    "${PAUSE_MIN}-${PAUSE_MAX} s; JAVA_OPTS='${JAVA_OPTS:-}' LOAD_APP_ARGS='${LOAD_APP_ARGS:-}' pool=${PERF_DB_POOL_SIZE:-10}"
} >>"$summary"

for users in "${STEPS[@]}"; do
  info "=== $users users: copying $SRC_DB to $RUN_DB"
  psql_admin -c "DROP DATABASE IF EXISTS $RUN_DB WITH (FORCE)"
  psql_admin -c "CREATE DATABASE $RUN_DB TEMPLATE $SRC_DB"
  accounts=$(q "$RUN_DB" "select count(*) from loadgen.filer")
  # a session lasts about login + rounds x 8 pauses; the closed model replaces every user who is done
  session_s=$(( (ITERATIONS * 9 + 4) * (PAUSE_MIN + PAUSE_MAX) / 2 ))
  needed=$(( users + users * (RAMP / 2 + MINUTES * 60) / session_s ))
  WARMUP=${LOAD_WARMUP_USERS:-600}; STREAMS=${LOAD_WARMUP_STREAMS:-4}
  needed=$(( needed + WARMUP ))
  [ "$accounts" -ge "$needed" ] || die "$users users for ${MINUTES} min need about $needed accounts, $SRC_DB has $accounts (GEN_FILERS)"
  q "$RUN_DB" "select username, declaration_id as declaration, evaluation_id as evaluation from loadgen.filer order by username" \
    | awk -F'|' 'BEGIN {print "username,declaration,evaluation"} {print $1 "," $2 "," $3}' >"$work/users.csv"

  PORT=${LOAD_PORT:-$(free_port)}
  base="http://127.0.0.1:$PORT"
  app_log=$root/target/load-$users-app.log
  java_opts=${JAVA_OPTS:-}
  [ "$JFR" = 1 ] && java_opts+=" -XX:FlightRecorderOptions:stackdepth=256"
  info "starting the app on $RUN_DB, port $PORT"
  # shellcheck disable=SC2086
  PERF_DB_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$RUN_DB" PERF_DB_USER="$PGADMIN" PERF_PORT="$PORT" \
    PERF_DATA_DIR="$work/data" java $java_opts -jar "$work/app.jar" --perf.signing.backfill-delay=P3650D \
    ${LOAD_APP_ARGS:-} >"$app_log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 360); do
    kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$app_log"; die "the app exited"; }
    curl -fsS --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
    sleep 0.5
  done
  curl -fsS --max-time 2 "$base/actuator/health" | grep -q UP || die "the app did not start"
  # warm the JVM a little (JIT) with one journey's pages, so the first minute is not all interpretation
  curl -sS -o /dev/null "$base/login"; curl -sS -o /dev/null "$base/css/perf.css"
  if [ "$WARMUP" -gt 0 ]; then
    info "warm-up: the last $WARMUP accounts, 3 rounds each, $STREAMS at a time"
    warmers=()
    per=$(( (WARMUP + STREAMS - 1) / STREAMS ))
    for (( from = accounts - WARMUP; from < accounts; from += per )); do
      n=$(( accounts - from < per ? accounts - from : per ))
      python3 scripts/load/round-cpu.py "$PORT:$app_pid" "$work/users.csv" 3 "$from" "$n" >/dev/null &
      warmers+=($!)
    done
    for w in "${warmers[@]}"; do wait "$w" || die "the warm-up failed"; done
  fi
  saved0=$(q "$RUN_DB" "select count(*) from declaration d join loadgen.filer f on f.declaration_id = d.id where d.version > 1")

  if [ "$JFR" = 1 ]; then
    jcmd "$app_pid" JFR.start name=load settings=profile filename="$root/target/load-$users.jfr" >/dev/null
  fi
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  pg_pids=$(pgrep -x postgres || true)
  t0=$(cpu_total); a0=$(cpu_of "$app_pid"); p0=$(cpu_of $pg_pids); s0=$(date +%s)
  # load average once a minute during the run
  ( while :; do sleep 60; echo "$(date +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; done ) >"$work/loadavg.txt" &
  sampler_pid=$!
  # the app's connections to PostgreSQL once a second, by what each is doing: running a statement, waiting for a lock
  # (Lock:transactionid, Lock:tuple: another transaction's row), held by the app between statements (idle in
  # transaction: the thread holding it is working or waiting for a core), or back in the pool (idle)
  printf '%s\n' "select s || '|' || count(*) from (select case when state = 'active' then 'active ' || coalesce(
    wait_event_type || ':' || wait_event, '(running)') else coalesce(state, '?') end s from pg_stat_activity
    where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
    union all select '(samples)') a group by s" '\watch 1' \
    | psql -X -At -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d "$RUN_DB" >"$work/pg-activity.txt" 2>/dev/null &
  activity_pid=$!
  info "Gatling: $users users, ramp ${RAMP} s, ${MINUTES} min (load average before: $load_before)"
  # shellcheck disable=SC2086
  ./mvnw -o -B -ntp -Pload -pl perf-load gatling:test -Dperf.load.baseUrl="$base" -Dperf.load.users="$users" \
    -Dperf.load.feeder="$work/users.csv" -Dperf.load.minutes="$MINUTES" -Dperf.load.rampSeconds="$RAMP" \
    -Dperf.load.iterations="$ITERATIONS" -Dperf.load.pauseMin="$PAUSE_MIN" -Dperf.load.pauseMax="$PAUSE_MAX" \
    ${LOAD_GATLING_OPTS:-} >"$work/gatling.txt" 2>&1 || true
  kill "$sampler_pid" "$activity_pid" 2>/dev/null; wait "$sampler_pid" "$activity_pid" 2>/dev/null || true
  sampler_pid=""; activity_pid=""
  secs=$(( $(date +%s) - s0 ))
  app_cpu=$(( 100 * ($(cpu_of "$app_pid") - a0) / hz / secs ))
  pg_cpu=$(( 100 * ($(cpu_of $pg_pids) - p0) / hz / secs ))
  all_cpu=$(( 100 * ($(cpu_total) - t0) / hz / secs ))
  if [ "$JFR" = 1 ]; then jcmd "$app_pid" JFR.stop name=load >/dev/null || true; fi
  gc=$(grep -c 'Pause' "$app_log" || true)
  report=$(grep -o 'perf-load/target/gatling/[^ ]*' "$work/gatling.txt" | tail -n1 | sed 's#/index.html##')
  stop_app
  submitted=$(q "$RUN_DB" "select count(*) from declaration d join loadgen.filer f on f.declaration_id = d.id where d.status = 'SUBMITTED'")
  saved=$(( $(q "$RUN_DB" "select count(*) from declaration d join loadgen.filer f on f.declaration_id = d.id where d.version > 1") - saved0 ))
  # rows written and index scans per table over warm-up and run (the copy's statistics start at zero): the sessions'
  # tables show how many sessions were made and touched, the audit log how many changes were recorded
  tables=$(q "$RUN_DB" "select relname || ' ' || n_tup_ins || ' inserted, ' || n_tup_upd || ' updated, ' || n_tup_del
    || ' deleted, ' || coalesce(idx_scan, 0) || ' index scans' from pg_stat_user_tables
    where relname in ('spring_session', 'spring_session_attributes', 'audit_entry', 'declaration', 'export_job')
    order by relname")
  psql_admin -c "DROP DATABASE IF EXISTS $RUN_DB WITH (FORCE)"
  {
    echo
    echo "--- $users concurrent users ($(date -u +%H:%M) UTC, JVM warmed up by $WARMUP users): load average before $load_before;" \
      "CPU during the run (% of one core, $(nproc) cores): app $app_cpu, PostgreSQL $pg_cpu, Gatling and the rest $((all_cpu - app_cpu - pg_cpu))"
    echo "declarations saved at least once: $saved, submitted: $submitted; Gatling report: ${report:-none}"
    sed -n '/---- Global Information/,/^====/p' "$work/gatling.txt"
    grep -E '^(Global|Details).*(: (true|false))' "$work/gatling.txt" || true
    if [ -n "$report" ] && [ -f "$root/$report/index.html" ]; then
      python3 scripts/load/gatling-stats.py "$root/$report" || true
    fi
    # the node's caches as it logged them when it stopped (cn.perf.web.monitoring.CacheFiguresLog)
    grep -o 'cache [A-Za-z]*: .*' "$app_log" | sed 's/^/app /' || true
    printf 'table %s\n' "${tables//$'\n'/$'\n'table }"
    awk -F'|' '$1 == "(samples)" {n += $2; next} {c[$1] += $2}
      END {if (n) {printf "connections of the app to PostgreSQL, mean of %d one-second samples:", n;
        for (k in c) printf " %s %.2f;", k, c[k] / n; print ""}}' "$work/pg-activity.txt"
  } | tee -a "$summary"
  echo "load average each minute of the run: $(awk '{printf "%s%s", sep, $2; sep = ", "}' "$work/loadavg.txt")" \
    | tee -a "$summary"
  if [ "$JFR" = 1 ]; then
    info "JFR: target/load-$users.jfr (jfr print --events jdk.ExecutionSample …)"
  fi
done
