#!/usr/bin/env bash
# Benchmark of the declaration edit page (issue 7): the edit page of a declaration with 40 indicators and
# 13 sub-projects, logged in, from PostgreSQL, under wrk at 16 connections, side by side in the same run with a
# static file of the app (/css/perf.css), the list page (/declarations) and the home page (/: the shell alone).
# Goals: edit-page throughput >= 50 % of the static file's, edit-page median < 20 ms.
#
# Usage (from a clean checkout; needs java 17, curl, psql, wrk):
#   bash scripts/bench-edit-page.sh
#
# What it does: builds perf-web/target/perf-web-exec.jar if missing; drops and recreates the database
# $BENCH_DB on the PostgreSQL at $BENCH_PGHOST:$BENCH_PGPORT (as $BENCH_PGADMIN, trust or PGPASSWORD auth);
# starts the app on a free port with the demo data; logs in as the demo filer; creates the benchmark
# declaration through the app's own pages (GET /declarations/new, POST /declarations); checks the edit page;
# warms up; runs wrk on the three URLs; prints the table and the checks; stops the app and drops the database.
# The output is also written to target/bench-edit-page.txt, the app's log to target/bench-edit-page-app.log.
#
# Settings (environment):
#   BENCH_PGHOST=127.0.0.1 BENCH_PGPORT=5432 BENCH_PGADMIN=postgres   PostgreSQL and the role that creates
#                                                                      the database (and that the app uses)
#   BENCH_DB=perf_bench                 database name (dropped and recreated, dropped again at the end)
#   BENCH_JAR=perf-web/target/perf-web-exec.jar   the application jar to measure (built if missing)
#   BENCH_PORT=<free port>              HTTP port of the app
#   JAVA_OPTS=""                        JVM options of the app (e.g. -Xmx1g)
#   BENCH_APP_ARGS=""                   extra arguments of the app (e.g. --logging.level.org.hibernate.SQL=debug)
#   BENCH_THREADS=2 BENCH_CONNECTIONS=16 BENCH_DURATION=30s BENCH_WARMUP=40s   wrk settings
#   BENCH_ACCEPT_ENCODING="gzip, deflate, br, zstd"   the Accept-Encoding every request sends (Chromium's); empty: none
#   BENCH_IDLE_MAX=15 BENCH_IDLE_WAIT=600   before each run, wait up to BENCH_IDLE_WAIT s until under
#                                       BENCH_IDLE_MAX % of the cores are busy (other builds would be measured too)
#   BENCH_JFR=0                         1: record the edit-page run with Java Flight Recorder (settings=profile)
#                                       to target/bench-edit-page.jfr and print where the request threads' CPU
#                                       samples are (inclusive, by method); costs a few per cent of throughput
#   BENCH_JFR_PAGE=edit                 the run JFR records: edit, static, list or home
#   BENCH_SAVES=40                      after the runs: this many saves, each followed by the edit page of the new
#                                       version (rendered), one at a time, after as many uncounted ones (warm-up);
#                                       their times and the app CPU per pair
#   BENCH_SQL_COUNT=0                   1: start the app with Hibernate and JDBC SQL logging, count the statements of one
#                                       edit-page request (kept, or rendered with the page cache off), and skip the wrk runs (the logging would skew them)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

PGHOST_=${BENCH_PGHOST:-127.0.0.1}
PGPORT_=${BENCH_PGPORT:-5432}
PGADMIN=${BENCH_PGADMIN:-postgres}
DB=${BENCH_DB:-perf_bench}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
DURATION=${BENCH_DURATION:-30s}
# 40 s per URL: after 10 s the JIT was still compiling the request path, and the same build measured up to a third
# slower than after 40 s (docs/performance.md, live score, 2026-11-30 third session)
WARMUP=${BENCH_WARMUP:-40s}
# What a browser says it accepts (Chromium's header); every request of the benchmark sends it. A kept page is then
# sent gzip-compressed, as browsers get it; BENCH_ACCEPT_ENCODING= (empty) measures the uncompressed page.
ACCEPT_ENCODING=${BENCH_ACCEPT_ENCODING-gzip, deflate, br, zstd}
encoding_header=()
[ -n "$ACCEPT_ENCODING" ] && encoding_header=(-H "Accept-Encoding: $ACCEPT_ENCODING")
JFR=${BENCH_JFR:-0}
SAVES=${BENCH_SAVES:-40}
JFR_PAGE=${BENCH_JFR_PAGE:-edit}
SQL_COUNT=${BENCH_SQL_COUNT:-0}
JAR=${BENCH_JAR:-perf-web/target/perf-web-exec.jar}
USERNAME=filer-001239
PASSWORD='Demo@2026'
N_INDICATORS=40
N_SUBPROJECTS=13

out_dir="$root/target"
mkdir -p "$out_dir"
report="$out_dir/bench-edit-page.txt"
app_log="$out_dir/bench-edit-page-app.log"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT   # replaced by cleanup() below once there is more to clean up
: >"$report"
# Everything from here on goes to the terminal and to $report.
exec > >(tee -a "$report") 2>&1

die() { echo "ERROR: $*" >&2; exit 1; }
info() { echo "[$(date +%H:%M:%S)] $*"; }

# One run at a time on a machine: two would share the database name and measure each other.
exec 9>"${TMPDIR:-/tmp}/perf-bench-edit-page.lock"
if ! flock -n 9; then
  info "another bench-edit-page run holds ${TMPDIR:-/tmp}/perf-bench-edit-page.lock; waiting for it (at most 30 min)"
  flock -w 1800 9 || die "the other bench-edit-page run did not finish within 30 minutes"
fi

for tool in java curl psql wrk awk sed grep flock; do
  command -v "$tool" >/dev/null || die "$tool is not installed (needed: java 17, curl, psql, wrk)"
done
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lower-case identifier, got '$DB'"

psql_admin() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d postgres "$@"
}

app_pid=""
db_created=0
cleanup() {
  local rc=$?
  set +e
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    info "stopping the app (pid $app_pid)"
    kill "$app_pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$app_pid" 2>/dev/null && { echo "app did not stop in 20 s, killing it"; kill -9 "$app_pid"; }
    wait "$app_pid" 2>/dev/null
  fi
  if [ "$db_created" = 1 ]; then
    info "dropping database $DB"
    psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || echo "WARNING: could not drop database $DB"
  fi
  rm -rf "$work"
  if [ "$rc" -ne 0 ]; then
    echo "FAILED (exit $rc). App log: $app_log"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------------ 1. build, db, app

if [ ! -f "$JAR" ]; then
  info "building $JAR (./mvnw -B -ntp -q -DskipTests package)"
  ./mvnw -B -ntp -q -DskipTests package || die "the build failed"
  [ -f "$JAR" ] || die "the build did not produce $JAR"
fi

psql_admin -c "select 1" >/dev/null 2>&1 \
  || die "cannot connect to PostgreSQL at $PGHOST_:$PGPORT_ as $PGADMIN (set BENCH_PGHOST/BENCH_PGPORT/BENCH_PGADMIN)"
info "recreating database $DB on $PGHOST_:$PGPORT_"
psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_admin -c "CREATE DATABASE $DB"
db_created=1

free_port() {
  local p
  for p in $(seq 18100 18199); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}
PORT=${BENCH_PORT:-$(free_port)} || die "no free port in 18100-18199 (set BENCH_PORT)"
base="http://127.0.0.1:$PORT"

app_args=()
if [ "$SQL_COUNT" = 1 ]; then
  app_args+=(--logging.level.org.hibernate.SQL=debug --logging.level.org.springframework.jdbc.core.JdbcTemplate=debug)
fi
# shellcheck disable=SC2206
app_args+=(${BENCH_APP_ARGS:-})
java_opts=${JAVA_OPTS:-}
# Thymeleaf's stacks are deeper than JFR's default 64 frames: without this, the outer frames are cut off.
[ "$JFR" = 1 ] && java_opts+=" -XX:FlightRecorderOptions:stackdepth=512"
# What is measured: the commit (and whether the work tree differs from it) and the jar, at the start.
commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit+=" + uncommitted changes"
jar_info="$JAR built $(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ)"
# A private copy: a rebuild of $JAR during the run would break the running app (it loads classes lazily).
cp "$JAR" "$work/app.jar"
info "starting the app on port $PORT (java options '$java_opts', args='${app_args[*]:-}'), log: $app_log"
# shellcheck disable=SC2086
PERF_DB_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$DB" PERF_DB_USER="$PGADMIN" PERF_DEMO_DATA=true \
  PERF_PORT="$PORT" PERF_DATA_DIR="$work/data" \
  java $java_opts -jar "$work/app.jar" "${app_args[@]}" >"$app_log" 2>&1 &
app_pid=$!

t0=$(date +%s)
up=0
for _ in $(seq 1 240); do   # at most 240 x 0.5 s = 2 min
  kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$app_log"; die "the app exited during start-up"; }
  if curl -fsS --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then up=1; break; fi
  sleep 0.5
done
[ "$up" = 1 ] || { tail -n 40 "$app_log"; die "the app did not report UP on $base/actuator/health within 2 minutes"; }
info "app UP after $(( $(date +%s) - t0 )) s"

# ------------------------------------------------------------------------------------------------ 2. log in

jar_file="$work/cookies.txt"
c() { curl -sS --max-time 30 -b "$jar_file" -c "$jar_file" "$@"; }

login_page=$(c "$base/login") || die "GET /login failed"
csrf=$(printf '%s' "$login_page" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
[ -n "$csrf" ] || die "no <input name=\"_csrf\"> on /login"
login_resp=$(c -o /dev/null -w '%{http_code} %{redirect_url}' \
  --data-urlencode "username=$USERNAME" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" \
  "$base/login")
[ "${login_resp%% *}" = 302 ] || die "POST /login: expected 302, got '$login_resp'"
case "${login_resp#* }" in
  "$base/") ;;
  *) die "POST /login redirected to '${login_resp#* }', expected $base/ (wrong password?)" ;;
esac
info "logged in as $USERNAME"

# ------------------------------------------------------------------------------------------------ 3. the declaration

new_page=$(c -w '\n%{http_code}' "$base/declarations/new?layout=SUZHOU") || die "GET /declarations/new failed"
[ "${new_page##*$'\n'}" = 200 ] || die "GET /declarations/new?layout=SUZHOU: HTTP ${new_page##*$'\n'}"
csrf=$(printf '%s' "$new_page" | grep -o '<meta name="_csrf" content="[^"]*"' | head -n1 | sed 's/.*content="//; s/"$//')
[ -n "$csrf" ] || die "no <meta name=\"_csrf\"> on /declarations/new"
unit_id=$(printf '%s' "$new_page" | grep -o '<input type="hidden" name="unitId"[^>]*>' | head -n1 \
  | grep -o 'value="[0-9]*"' | grep -o '[0-9]*' || true)
if [ -z "$unit_id" ]; then   # several units: a <select id="unitId">, take its first option
  unit_id=$(printf '%s' "$new_page" | tr '\n' ' ' | grep -o '<select[^>]*name="unitId"[^>]*>.*' \
    | grep -o '<option[^>]*value="[0-9]*"' | head -n1 | grep -o '[0-9]*"' | tr -d '"' || true)
fi
[ -n "$unit_id" ] || die "no unitId on /declarations/new"

fields=(
  --data-urlencode "_csrf=$csrf"
  --data-urlencode "layout=SUZHOU"
  --data-urlencode "unitId=$unit_id"
  --data-urlencode "year=2027"
  --data-urlencode "frameworkCode=SUZHOU_2017"
  --data-urlencode "projectName=性能基准项目"
  --data-urlencode "projectType=信息化工程及维护类"
  --data-urlencode "projectLeader=张三"
  --data-urlencode "contactPerson=李四"
  --data-urlencode "contactPhone=0512-12345678"
  --data-urlencode "overview=本项目用于性能基准测试：四十个绩效指标、十三个子项目，检验编辑页面在负载下的响应时间。"
  --data-urlencode "establishmentBasis=依据《苏州市市级财政项目预算绩效管理办法》。"
  --data-urlencode "necessity=保障信息系统稳定运行，满足业务需要。"
  --data-urlencode "implementationPlan=按季度分批实施，年底前全部完成。"
  --data-urlencode "overallGoal=完成信息化系统建设与运维，提升服务效率。"
  --data-urlencode "annualGoal=2027年完成十三个子项目的建设与维护。"
)
for ((i = 0; i < N_SUBPROJECTS; i++)); do
  fields+=(--data-urlencode "subProjects[$i].key=new-$i" --data-urlencode "subProjects[$i].name=子项目$i"
           --data-urlencode "subProjects[$i].amount=10")
done
kinds=(SUPERIOR CITY SUBORDINATE OTHER)
for ((i = 0; i < 4; i++)); do
  fields+=(--data-urlencode "fundingSources[$i].kind=${kinds[$i]}")
done
fields+=(--data-urlencode "fundingSources[1].currentYear=$((N_SUBPROJECTS * 10))")
categories=(产出 产出 投入 结果 影响力)
for ((i = 0; i < N_INDICATORS; i++)); do
  fields+=(
    --data-urlencode "indicators[$i].term=ANNUAL"
    --data-urlencode "indicators[$i].category=${categories[$((i % ${#categories[@]}))]}"
    --data-urlencode "indicators[$i].name=指标$i"
    --data-urlencode "indicators[$i].targetText=≥35个"
    --data-urlencode "indicators[$i].explanation=指标$i的解释：完成数量不少于三十五个，按年度统计。"
    --data-urlencode "indicators[$i].targetBasis=依据项目实施方案和历史数据测算。"
    --data-urlencode "indicators[$i].subProjectKeys=new-$((i % N_SUBPROJECTS))"
  )
done
created=$(c -o "$work/create.html" -w '%{http_code} %{redirect_url}' "${fields[@]}" "$base/declarations") \
  || die "POST /declarations failed"
if [ "${created%% *}" != 302 ]; then
  echo "POST /declarations answered ${created%% *}; the messages on the re-rendered form:"
  grep -o 'class="invalid-feedback[^"]*"[^>]*>[^<]*' "$work/create.html" | sed 's/.*>/  /' | sort | uniq -c | head -20
  die "the benchmark declaration was not created (expected 302 to /declarations/{id}/edit)"
fi
id=$(printf '%s' "${created#* }" | sed -n 's#^.*/declarations/\([0-9][0-9]*\)/edit$#\1#p')
[ -n "$id" ] || die "POST /declarations redirected to '${created#* }', expected /declarations/{id}/edit"
info "created declaration $id"

edit_url="$base/declarations/$id/edit"
static_url="$base/css/perf.css"
list_url="$base/declarations"
home_url="$base/"

code=$(c -o "$work/edit.html" -w '%{http_code}' "$edit_url")
[ "$code" = 200 ] || die "GET $edit_url: HTTP $code"
n_ind=$(grep -o 'id="row-indicators-' "$work/edit.html" | wc -l)
n_sub=$(grep -o 'id="row-subProjects-' "$work/edit.html" | wc -l)
[ "$n_ind" -eq "$N_INDICATORS" ] || die "the edit page shows $n_ind indicator rows, expected $N_INDICATORS"
[ "$n_sub" -eq "$N_SUBPROJECTS" ] || die "the edit page shows $n_sub sub-project rows, expected $N_SUBPROJECTS"
info "edit page: HTTP 200, $n_ind indicator rows, $n_sub sub-project rows, $(wc -c <"$work/edit.html") bytes"
cp "$work/edit.html" "$out_dir/bench-edit-page.html"   # the page measured, for a look at what it sends

# The session cookie(s) for wrk, from curl's cookie jar (Netscape format; HttpOnly lines start with #HttpOnly_).
cookie=$(awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' \
  "$jar_file")
# SESSION: Spring Session's cookie (sessions in PostgreSQL); JSESSIONID: builds before it
case "$cookie" in *SESSION=*|*JSESSIONID=*) ;; *) die "no session cookie (SESSION or JSESSIONID) in the cookie jar after login" ;; esac

# Size of each full response (headers + body) with the cookie, to check wrk's bytes per request: wrk counts
# only status >= 400 as "Non-2xx or 3xx responses", so a 302 to /login would otherwise go unnoticed.
declare -A expected_size
for u in "$edit_url" "$static_url" "$list_url" "$home_url"; do
  read -r code size < <(curl -sS --max-time 30 -o /dev/null -H "Cookie: $cookie" "${encoding_header[@]}" \
    -w '%{http_code} %{size_header} %{size_download}\n' "$u" | awk '{print $1, $2 + $3}')
  [ "$code" = 200 ] || die "GET $u with the session cookie: HTTP $code (expected 200)"
  expected_size[$u]=$size
done

if [ "$SQL_COUNT" = 1 ]; then
  # Hibernate logs each statement under org.hibernate.SQL, JdbcClient under JdbcTemplate ("Executing prepared SQL
  # statement [...]"). The checks above have opened the edit page already, so this request is served from the kept
  # rendering; with BENCH_APP_ARGS=--perf.page-cache.max-size-mb=0 it is rendered, and its statements are counted.
  sql_lines() { grep -E 'org.hibernate.SQL|Executing prepared SQL statement' "$app_log" || true; }
  for attempt in one; do
    before=$(sql_lines | wc -l)
    curl -sS --max-time 30 -o /dev/null -H "Cookie: $cookie" "$edit_url"
    sleep 1   # let the log flush (the request has completed; this is not a wait for readiness)
    after=$(sql_lines | wc -l)
    echo
    echo "SQL statements for $attempt GET /declarations/$id/edit: $((after - before))"
    echo "By statement shape (first 100 characters):"
    sql_lines | tail -n "$((after - before))" | sed -e 's/.*org.hibernate.SQL *: *//' \
      -e 's/.*Executing prepared SQL statement \[//' | cut -c1-100 | sort | uniq -c | sort -rn | head -20
  done
  exit 0
fi

# ------------------------------------------------------------------------------------------------ 4. wrk

wrk_run() {  # wrk_run <duration> <url> <output file>
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --timeout 10s --latency -H "Cookie: $cookie" "${encoding_header[@]}" \
    "$2" >"$3" 2>&1 \
    || { cat "$3"; die "wrk failed on $2"; }
}

to_ms() {  # wrk latency "12.34ms" / "1.02s" / "850.00us" -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.2f", n }'
}

to_bytes() {  # wrk "180.45MB" -> bytes (binary units)
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "KB") n *= 1024; else if (u == "MB") n *= 1048576; else if (u == "GB") n *= 1073741824;
    printf "%.0f", n }'
}

declare -A p50 p99 rps reqs
parse() {  # parse <name> <url> <wrk output>
  local name=$1 url=$2 f=$3 non2xx sock total read per_req exp
  p50[$name]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$f")")
  p99[$name]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$f")")
  rps[$name]=$(awk '/^Requests\/sec:/ {print $2}' "$f")
  total=$(awk '/requests in/ {print $1}' "$f")
  read=$(awk '/requests in/ {print $5}' "$f")
  reqs[$name]=$total
  [ -n "${rps[$name]}" ] && [ -n "$total" ] || { cat "$f"; die "could not parse wrk's output for $name"; }
  non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$f")
  [ -z "$non2xx" ] || { cat "$f"; die "$name: $non2xx responses with status >= 400 (session lost? app error?)"; }
  sock=$(grep 'Socket errors' "$f" || true)
  [ -z "$sock" ] || echo "WARNING: $name: $sock -- timed-out requests are missing from the latency figures"
  [ "$total" -gt 0 ] || die "$name: no request completed"
  per_req=$(( $(to_bytes "$read") / total ))
  exp=${expected_size[$url]}
  # wrk's "read" also counts the partial responses in flight when the run ends (up to one per connection) and
  # is printed with 2 decimals of its unit; a redirect to /login is a few hundred bytes, so it pulls the
  # average down. With socket errors (timeouts), unfinished responses count too: only the lower bound holds.
  local upper=$(( exp * (total + CONNECTIONS) / total * 102 / 100 ))
  [ -z "$sock" ] || upper=$((exp * 1000))
  if [ "$per_req" -lt $((exp * 97 / 100)) ] || [ "$per_req" -gt "$upper" ]; then
    die "$name: wrk read $per_req bytes per response, a logged-in 200 is $exp bytes: redirects (to /login?) or errors"
  fi
}

# Wait (bounded) until the machine is idle: the app, PostgreSQL and wrk share the cores, so a build or a test
# run of someone else would be measured too. "Idle": under IDLE_MAX % of all cores busy over 3 s (the app is
# idle between runs). After IDLE_WAIT seconds the run goes ahead with a warning.
IDLE_MAX=${BENCH_IDLE_MAX:-15}
IDLE_WAIT=${BENCH_IDLE_WAIT:-600}
busy_pct() {  # per cent of all cores busy over the next 3 s
  local a b; a=$(awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat); sleep 3
  b=$(awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%d", 100 * (y[1] - x[1]) / (y[2] - x[2]) }'
}
declare -A busy_before
wait_idle() {  # wait_idle <name>
  local t0 b; t0=$(date +%s)
  while :; do
    b=$(busy_pct)
    [ "$b" -lt "$IDLE_MAX" ] && break
    if [ $(( $(date +%s) - t0 )) -ge "$IDLE_WAIT" ]; then
      echo "WARNING: the machine is still ${b} % busy after ${IDLE_WAIT} s of waiting: the $1 figures include that load"
      break
    fi
    [ $(( ($(date +%s) - t0) % 30 )) -lt 3 ] && info "waiting for an idle machine before the $1 run ($b % busy)"
  done
  busy_before[$1]=$b
}

if [ "$JFR" = 1 ]; then  # the first JFR.start in a JVM costs seconds of CPU: pay it before the warm-up
  jcmd "$app_pid" JFR.start name=init settings=profile >/dev/null && jcmd "$app_pid" JFR.stop name=init >/dev/null \
    || die "jcmd JFR.start failed"
fi
wait_idle warm-up
info "warm-up: wrk -d$WARMUP on each URL"
for u in "$edit_url" "$static_url" "$list_url" "$home_url"; do wrk_run "$WARMUP" "$u" "$work/warmup.txt"; done

# Latency of single requests one after the other (no concurrency), after the warm-up, for reference.
for name in edit static list home; do
  case $name in edit) u=$edit_url ;; static) u=$static_url ;; list) u=$list_url ;; home) u=$home_url ;; esac
  times=""
  for _ in 1 2 3 4 5; do
    times+=" $(curl -sS --max-time 60 -o /dev/null -H "Cookie: $cookie" -w '%{time_total}' "$u" \
      | awk '{printf "%.1f", $1 * 1000}')"
  done
  info "single requests, $name (ms):$times"
done

# CPU accounting of each run (clock ticks from /proc): the whole machine, the app's JVM, the PostgreSQL
# processes; the rest is wrk and anything else running. On a 2-core machine all three share the cores, so a
# busy machine (another build, another test run) skews the figures.
cpu_total() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }   # busy ticks, all cores
cpu_of() { local p s=0; for p in "$@"; do
    s=$(( s + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$s"; }
pg_pids() { pgrep -x postgres || true; }
declare -A cpu_app cpu_pg cpu_rest load_before
cpu_begin() { c_tot=$(cpu_total); c_app=$(cpu_of "$app_pid"); c_pg_pids=$(pg_pids); c_pg=$(cpu_of $c_pg_pids); }
cpu_end() {  # cpu_end <name> <seconds>: per cent of one core
  local name=$1 secs=$2 hz; hz=$(getconf CLK_TCK)
  local tot=$(( $(cpu_total) - c_tot )) app=$(( $(cpu_of "$app_pid") - c_app )) pg=$(( $(cpu_of $c_pg_pids) - c_pg ))
  cpu_app[$name]=$(( 100 * app / hz / secs )); cpu_pg[$name]=$(( 100 * pg / hz / secs ))
  cpu_rest[$name]=$(( 100 * (tot - app - pg) / hz / secs ))
}
dur_secs=$(awk -v d="$DURATION" 'BEGIN { n = d + 0; if (d ~ /m$/) n *= 60; else if (d ~ /h$/) n *= 3600; print n }')

cmd="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency -H 'Cookie: SESSION=…' <url>"
info "measuring: $cmd"
for name in edit static list home; do
  case $name in edit) u=$edit_url ;; static) u=$static_url ;; list) u=$list_url ;; home) u=$home_url ;; esac
  wait_idle "$name"
  load_before[$name]=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$name" = "$JFR_PAGE" ] && [ "$JFR" = 1 ]; then
    jcmd "$app_pid" JFR.start name=bench settings=profile filename="$out_dir/bench-edit-page.jfr" >/dev/null \
      || die "jcmd JFR.start failed"
  fi
  cpu_begin
  wrk_run "$DURATION" "$u" "$work/wrk-$name.txt"
  cpu_end "$name" "$dur_secs"
  if [ "$name" = "$JFR_PAGE" ] && [ "$JFR" = 1 ]; then
    jcmd "$app_pid" JFR.stop name=bench >/dev/null || die "jcmd JFR.stop failed"
  fi
  echo "--- wrk: $name ($u)"
  cat "$work/wrk-$name.txt"
  parse "$name" "$u" "$work/wrk-$name.txt"
done

# ------------------------------------------------------------------------------------------------ after a save
# What a filer waits for after 保存: the save (POST, then the redirect) and the edit page of the new version, which
# must be rendered (its rows come from KeptFragments unless BENCH_APP_ARGS=--perf.fragment-cache.max-size-mb=0).
# One at a time, on the idle machine, after the wrk runs (a save changes the page the runs above measured).
save_ms=""; page_ms=""; save_cpu=""
if [ "$SAVES" -gt 0 ]; then
  wait_idle saves
  hz=$(getconf CLK_TCK)
  for n in $(seq 1 $(( 2 * SAVES ))); do   # the first SAVES warm the JVM up and are not counted
    if [ "$n" = $(( SAVES + 1 )) ]; then save_ms=""; page_ms=""; app_before=$(cpu_of "$app_pid"); fi
    c -o "$work/before-save.html" "$edit_url"
    body=$(python3 "$root/scripts/lib/form-fields.py" "$work/before-save.html" declaration-form \
      "projectLeader=保存$n")
    t_save=$(c -o /dev/null -w '%{http_code} %{time_total}' --data-raw "$body" "$edit_url")
    [ "${t_save%% *}" = 302 ] || die "save $n: HTTP ${t_save%% *} (expected 302 back to the edit page)"
    t_page=$(c -o "$work/after-save.html" -w '%{http_code} %{time_total}' "$edit_url")
    [ "${t_page%% *}" = 200 ] || die "page after save $n: HTTP ${t_page%% *}"
    grep -q "保存$n" "$work/after-save.html" || die "page after save $n does not show the saved value"
    save_ms+=" $(awk -v t="${t_save#* }" 'BEGIN {printf "%.1f", t * 1000}')"
    page_ms+=" $(awk -v t="${t_page#* }" 'BEGIN {printf "%.1f", t * 1000}')"
  done
  save_cpu=$(awk -v d="$(( $(cpu_of "$app_pid") - app_before ))" -v hz="$hz" -v n="$SAVES" \
    'BEGIN {printf "%.1f", 1000 * d / hz / n}')
  info "after a save: $SAVES saves (after $SAVES uncounted), each followed by the edit page of the new version"
fi
median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# ------------------------------------------------------------------------------------------------ results

if [ "$JFR" = 1 ]; then
  # Per request-thread CPU sample: the methods on its stack (inclusive) and the top frame (self). The frames on
  # (nearly) every stack -- Tomcat, the filter chain, the dispatcher -- are left out of the inclusive list.
  jfr print --stack-depth 512 --events jdk.ExecutionSample "$out_dir/bench-edit-page.jfr" \
    | awk -v f="target/bench-edit-page.jfr" -v page="$JFR_PAGE" '
    /jdk.ExecutionSample/ { flush(); inreq = 0; first = ""; delete seen; next }
    /sampledThread = "http-nio/ { inreq = 1 }
    /line:/ { m = $1; sub(/\(.*/, "", m); seen[m] = 1; if (first == "") first = m }
    function flush(  k) { if (inreq) { n++; self[first]++; for (k in seen) c[k]++ } }
    END { flush(); printf "\nJFR, " page " run: %d CPU samples of request threads (%s)\n", n, f;
          print "inclusive (share of samples with the method on the stack; < 97 %):";
          for (k in c) if (100 * c[k] / n < 97) printf "%5.1f %%  %s\n", 100 * c[k] / n, k | "sort -rn | head -n 40";
          close("sort -rn | head -n 40");
          print "self (top frame):";
          for (k in self) printf "%5.1f %%  %s\n", 100 * self[k] / n, k | "sort -rn | head -n 15";
          close("sort -rn | head -n 15") }'
fi

mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
jv=$(java -version 2>&1 | head -n1)
pgv=$(psql -X -At -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d postgres -c 'show server_version' 2>/dev/null || echo '?')
echo
echo "=== bench-edit-page $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $commit; $jar_info"
echo "machine: $(nproc) cores, $mem, $jv, PostgreSQL $pgv; JAVA_OPTS='${JAVA_OPTS:-}'"
echo "declaration $id: $N_INDICATORS indicators, $N_SUBPROJECTS sub-projects; edit page ${expected_size[$edit_url]} bytes"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up per URL); Accept-Encoding: ${ACCEPT_ENCODING:-(none)}"
echo
# "app CPU/req": CPU time of the app's JVM per request -- unlike the latencies, hardly affected by other load.
printf '| %-30s | %11s | %11s | %10s | %9s | %13s |\n' page "median (ms)" "p99 (ms)" "req/s" requests \
  "app CPU/req"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..32})" "$(printf -- '-%.0s' {1..13})" \
  "$(printf -- '-%.0s' {1..13})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..11})" \
  "$(printf -- '-%.0s' {1..15})"
for name in edit static list home; do
  case $name in edit) label="/declarations/$id/edit" ;; static) label="/css/perf.css" ;; list) label="/declarations" ;; home) label="/ (home: the shell alone)" ;; esac
  cpu_req=$(awk -v c="${cpu_app[$name]}" -v d="$dur_secs" -v r="${reqs[$name]}" \
    'BEGIN { v = 10 * c * d / r; printf (v < 10 ? "%.2f ms" : "%.1f ms"), v }')
  printf '| %-30s | %11s | %11s | %10s | %9s | %13s |\n' "$label" "${p50[$name]}" "${p99[$name]}" "${rps[$name]}" \
    "${reqs[$name]}" "$cpu_req"
done
echo
echo "CPU during each run, % of one core ($(nproc) cores = $(( 100 * $(nproc) )) %): app JVM / PostgreSQL / rest (wrk and others)"
for name in edit static list home; do
  printf '  %-6s %4s %% / %4s %% / %4s %%   (before the run: %s %% busy, load average %s)\n' "$name" \
    "${cpu_app[$name]}" "${cpu_pg[$name]}" "${cpu_rest[$name]}" "${busy_before[$name]}" "${load_before[$name]}"
done
ratio=$(awk -v e="${rps[edit]}" -v s="${rps[static]}" 'BEGIN {printf "%.2f", 100 * e / s}')
echo
echo "edit / static throughput: $ratio %"
goal_tp=$(awk -v r="$ratio" 'BEGIN {print (r >= 50) ? "MET" : "NOT MET"}')
goal_med=$(awk -v m="${p50[edit]}" 'BEGIN {print (m < 20) ? "MET" : "NOT MET"}')
echo "goal: edit throughput >= 50 % of static: $goal_tp ($ratio %)"
echo "goal: edit median < 20 ms:              $goal_med (${p50[edit]} ms)"
echo "all responses were 200 with the expected size (no redirect to /login, no errors)"
if [ -n "$page_ms" ]; then
  echo
  echo "after a save, one at a time ($SAVES times, after $SAVES uncounted): save (POST + redirect) median $(echo "$save_ms" | median) ms;" \
    "the edit page of the new version (rendered) median $(echo "$page_ms" | median) ms;" \
    "app JVM CPU per save and page, all its threads (JIT, GC, background jobs included): $save_cpu ms"
  echo "  save (ms):$save_ms"
  echo "  page (ms):$page_ms"
fi
