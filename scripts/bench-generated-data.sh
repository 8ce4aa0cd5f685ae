#!/usr/bin/env bash
# Issue 12, "Load": latency of the list, the 项目名称 search, 待办 and the exports (a form's PDF and Excel, the list's
# summary.xlsx) on a database made by scripts/generate-data.sh (10,000 申报表 + 10,000 自评表), for a filer
# (load-00001: one unit, ~34 申报表 and ~17 自评表 in sight) and a finance bureau (load-finance-1: 苏州市, about
# 10,000 申报表 and 5,000 自评表 in sight), side by side with a static file of the app (/css/perf.css).
# Goal (issue 12): p95 < 200 ms.
#
# Usage: bash scripts/bench-generated-data.sh <db>     (the database is used as is; nothing is changed but sessions
#                                                          and the audit log)
# Each URL: wrk -t2 -c$BENCH_CONNECTIONS -d$BENCH_DURATION --latency after a $BENCH_WARMUP warm-up; a Lua done()
# prints p50/p95/p99. Every response must be a 2xx of the size a single curl request got (no redirect to /login).
# Settings: BENCH_CONNECTIONS=4 BENCH_DURATION=20s BENCH_WARMUP=5s BENCH_PGHOST=127.0.0.1 BENCH_PGPORT=5432
#   BENCH_PGADMIN=postgres BENCH_PORT=<free> JAVA_OPTS="" BENCH_URLS="<names>" (default: all, see below)
#   BENCH_EXPORT_ROUNDS=20 (background exports timed from click to file, per user and list)
# Output: the table on stdout and in target/bench-generated-data.txt; the app log in target/bench-generated-data-app.log.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
DB=${1:?usage: scripts/bench-generated-data.sh <db made by scripts/generate-data.sh>}
PGHOST_=${BENCH_PGHOST:-127.0.0.1}
PGPORT_=${BENCH_PGPORT:-5432}
PGADMIN=${BENCH_PGADMIN:-postgres}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
EXPORT_ROUNDS=${BENCH_EXPORT_ROUNDS:-20}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-5s}
JAR=perf-web/target/perf-web-exec.jar
PASSWORD='Demo@2026'
mkdir -p target
report=target/bench-generated-data.txt
app_log=$root/target/bench-generated-data-app.log
work=$(mktemp -d)
exec > >(tee "$report") 2>&1
die() { echo "ERROR: $*" >&2; exit 1; }
info() { echo "[$(date +%H:%M:%S)] $*"; }
for tool in java curl psql wrk awk; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
q() { psql -X -At -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d "$DB" -c "$1"; }
q "select count(*) from loadgen.filer" >/dev/null 2>&1 || die "$DB was not made by scripts/generate-data.sh"

app_pid=""
cleanup() {
  local rc=$?
  set +e
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$app_pid" 2>/dev/null && kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -f "$JAR" ] || ./mvnw -B -ntp -q -DskipTests package -pl perf-web -am || die "build failed"
cp "$JAR" "$work/app.jar"
free_port() { local p; for p in $(seq 18400 18499); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi; done; return 1; }
PORT=${BENCH_PORT:-$(free_port)}
base="http://127.0.0.1:$PORT"
commit="$(git rev-parse --short HEAD)"; [ -z "$(git status --porcelain --untracked-files=no)" ] || commit+=" + changes"
info "starting the app on $DB, port $PORT (signing backfill postponed: the generated approved forms are unsigned)"
# shellcheck disable=SC2086
PERF_DB_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$DB" PERF_DB_USER="$PGADMIN" PERF_PORT="$PORT" \
  PERF_DATA_DIR="$work/data" java ${JAVA_OPTS:-} -jar "$work/app.jar" --perf.signing.backfill-delay=P3650D \
  >"$app_log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
  kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$app_log"; die "the app exited"; }
  curl -fsS --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
  sleep 0.5
done
curl -fsS --max-time 2 "$base/actuator/health" | grep -q UP || die "the app did not start"

login() {  # login <user>: prints the Cookie header value
  local who=$1 jar="$work/cookies-$1.txt" csrf resp
  csrf=$(curl -sS -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 \
    | sed 's/.*value="//; s/"$//')
  resp=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode "username=$who" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$base/login")
  [ "$resp" = "302 $base/" ] || die "login as $who: $resp"
  awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}
read -r filer decl eval < <(q "select username, declaration_id, evaluation_id from loadgen.filer order by username limit 1" | tr '|' ' ')
finance=load-finance-1
# a finished background export of the region's summary, for wrk on its file and its status (issue 12); queued before
# the sign-ins below, since a user's new sign-in ends their older session
export_job=$(python3 scripts/bench-export-jobs.py "$PORT" "$finance" /declarations/summary.xlsx 1 --prepare) \
  || die "the background export did not finish"
c_filer=$(login "$filer")
c_finance=$(login "$finance")
name=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("绿化养护"))')
n_filer_decl=$(q "select count(*) from declaration d join loadgen.filer f on f.unit_id = d.unit_id where f.username = '$filer'")
n_region=$(q "select count(*) from declaration d join budget_unit u on u.id = d.unit_id where u.region = '苏州市'")
info "filer $filer: declaration $decl, self-evaluation $eval, $n_filer_decl 申报表 in sight; $finance: $n_region 申报表 in sight"

# name|who|path
urls=(
  "static|filer|/css/perf.css"
  "list|filer|/declarations"
  "search|filer|/declarations?name=$name"
  "todo|filer|/todo"
  "evaluations|filer|/evaluations"
  "pdf|filer|/declarations/$decl/pdf"
  "xlsx|filer|/declarations/$decl/xlsx"
  "evaluation-pdf|filer|/evaluations/$eval/pdf"
  "summary|filer|/declarations/summary.xlsx"
  "list|finance|/declarations"
  "search|finance|/declarations?name=$name"
  "todo|finance|/todo"
  "evaluations|finance|/evaluations"
  "summary|finance|/declarations/summary.xlsx"
  "evaluation-summary|finance|/evaluations/summary.xlsx"
  "export-status|finance|/exports/$export_job/status"
  "export-file|finance|/exports/$export_job/file"
)
cat >"$work/p.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.2f %.2f %.2f %d %d %d %.1f\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, summary.bytes, summary.duration / 1e6))
end
LUA
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
info "warm-up: every URL for $WARMUP (the JIT compiles the app's paths before anything is measured)"
for entry in "${urls[@]}"; do
  IFS='|' read -r n who path <<<"$entry"
  cookie=$c_filer; [ "$who" = finance ] && cookie=$c_finance
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" --timeout 30s -H "Cookie: $cookie" "$base$path" >/dev/null 2>&1 || true
done
rows=()
for entry in "${urls[@]}"; do
  IFS='|' read -r n who path <<<"$entry"
  [ -z "${BENCH_URLS:-}" ] || [[ " $BENCH_URLS " == *" $n "* ]] || continue
  cookie=$c_filer; [ "$who" = finance ] && cookie=$c_finance
  read -r code size t1 < <(curl -sS -o /dev/null -H "Cookie: $cookie" -w '%{http_code} %{size_download} %{time_total}\n' "$base$path")
  [ "$code" = 200 ] || die "GET $path as $who: HTTP $code"
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" --timeout 30s -H "Cookie: $cookie" "$base$path" >/dev/null 2>&1 || true
  load=$(cut -d' ' -f1 /proc/loadavg)
  a0=$(cpu_of "$app_pid")
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s "$work/p.lua" -H "Cookie: $cookie" "$base$path" \
    >"$work/wrk.txt" 2>&1 || { cat "$work/wrk.txt"; die "wrk failed on $path"; }
  a1=$(cpu_of "$app_pid")
  read -r _ p50 p95 p99 reqs errs bytes secs < <(grep '^RESULT' "$work/wrk.txt")
  if [ "$reqs" = 0 ]; then   # not one response within the run: report the single request's time instead
    rows+=("$(printf '| %-15s | %-7s | %-40s | %9s | %8s | %8s | %8s | %8s | %7s | %7s | %4s | %s |' "$n" "$who" \
      "${path//$name/绿化养护}" "$size" "-" "-" "-" "0" "-" "$(awk -v t="$t1" 'BEGIN {printf "%.0f", t * 1000}')" "NO" "$load")")
    info "$n ($who): no response completed within $DURATION (one request took ${t1} s)"
    continue
  fi
  grep -q 'Non-2xx' "$work/wrk.txt" && { cat "$work/wrk.txt"; die "$n ($who): non-2xx responses"; }
  [ "$errs" = 0 ] || echo "WARNING: $n ($who): $errs socket errors or timeouts"
  per=$(( bytes / reqs ))
  # the body only: wrk's bytes include the headers (~0.5 KB); a 302 to /login would be a few hundred bytes
  [ "$per" -ge $(( size * 9 / 10 )) ] || die "$n ($who): $per bytes per response, a single request got $size: redirects?"
  rps=$(awk -v r="$reqs" -v s="$secs" 'BEGIN {printf "%.1f", r / s}')
  cpu=$(awk -v a="$((a1 - a0))" -v hz="$hz" -v r="$reqs" 'BEGIN {printf "%.1f", 1000 * a / hz / r}')
  goal=$(awk -v p="$p95" 'BEGIN {print (p < 200) ? "yes" : "NO"}')
  rows+=("$(printf '| %-15s | %-7s | %-40s | %9s | %8s | %8s | %8s | %8s | %7s | %7s | %4s | %s |' "$n" "$who" \
    "${path//$name/绿化养护}" "$size" "$p50" "$p95" "$p99" "$rps" "$cpu" "$(awk -v t="$t1" 'BEGIN {printf "%.0f", t * 1000}')" "$goal" "$load")")
  info "$n ($who) done: p95 $p95 ms"
done
echo
echo "=== bench-generated-data $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $commit, database $DB; $(nproc) cores, $(java -version 2>&1 | head -n1)"
echo "wrk -t2 -c$CONNECTIONS -d$DURATION --latency after a $WARMUP warm-up per URL; app, PostgreSQL and wrk on this machine"
echo
echo "| what            | who     | path                                     |     bytes | p50 (ms) | p95 (ms) | p99 (ms) |    req/s | CPU/req | 1 req ms | p95 < 200 | load avg before |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "A list's 导出 as the user lives it (scripts/bench-export-jobs.py, $EXPORT_ROUNDS rounds one after another: the"
echo "click, the export's page, its status polled every 50 ms until the background job is done, the file; p50 / p95 ms)"
echo
echo "| user | list export | rounds | bytes | click (POST) | export page | status poll | file | click → file ready (p50 / p95 / max) |"
echo "|---|---|---|---|---|---|---|---|---|"
for entry in "$finance|/declarations/summary.xlsx" "$finance|/evaluations/summary.xlsx" "$filer|/declarations/summary.xlsx"; do
  IFS='|' read -r who path <<<"$entry"
  python3 scripts/bench-export-jobs.py "$PORT" "$who" "$path" "$EXPORT_ROUNDS" || die "export rounds of $who failed"
done
