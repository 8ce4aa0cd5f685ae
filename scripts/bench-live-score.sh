#!/usr/bin/env bash
# Benchmark of the live score of the self-evaluation edit page (issue 9): the round trip htmx makes while a filer types
# (POST /evaluations/{id}/preview with the whole unsaved form of a 40-row Suzhou 自评表, the CSRF token in the
# X-CSRF-TOKEN header and the session cookie, as the page sends them; the answer holds the parts of the page whose
# fingerprint in the posted liveShown field changed, swapped out of band), under wrk at 16 connections, side by side in
# the same run with a static file of the app (/css/perf.css). Two live runs: "live", where nothing the page shows
# matches (the first answer after the form is filled: all 40 rows, the board, the findings re-sent), and "typing", a
# keystroke in row 1 after that answer (row 1, the total, the board and the findings re-sent). Goal: live-score
# median < 20 ms.
#
# Usage (from a clean checkout; needs java 17, curl, psql, wrk, python3):
#   bash scripts/bench-live-score.sh
#
# What it does: builds perf-web/target/perf-web-exec.jar if missing; drops and recreates the database $BENCH_DB on the
# PostgreSQL at $BENCH_PGHOST:$BENCH_PGPORT; starts the app on a free port with the demo data; through the app's own
# pages, as the demo users: the filer (filer-001239) creates a Suzhou declaration with 26 annual indicators
# (产出/结果/影响力) and 13 sub-projects and submits it, the department reviewer (reviewer-001239) approves it, the finance
# bureau (finance) grades it 优, and the filer starts its self-evaluation (40 rows: the 14 投入 rows of the common-indicator
# library + the 26); reads the edit page's form as a browser would post it and fills every row (some targets met, some
# short with a reason, some over-achieved), the funds blocks and the narratives; checks the preview answer (200, 40
# out-of-band row scores, the score board) and the typing answer (1 row score); warms up; runs wrk three times; checks that the self-evaluation's
# version did not change (the live score stores nothing); prints the table; stops the app and drops the database.
# The output is also written to target/bench-live-score.txt, the app's log to target/bench-live-score-app.log, the
# posted form to target/bench-live-score-body.txt.
#
# Settings (environment):
#   BENCH_PGHOST=127.0.0.1 BENCH_PGPORT=5432 BENCH_PGADMIN=postgres   PostgreSQL and the role that creates the database
#   BENCH_DB=perf_bench_live            database name (dropped and recreated, dropped again at the end)
#   BENCH_JAR=perf-web/target/perf-web-exec.jar   the application jar to measure (built if missing)
#   BENCH_PORT=<free port>              HTTP port of the app
#   JAVA_OPTS=""                        JVM options of the app
#   BENCH_APP_ARGS=""                   extra arguments of the app
#   BENCH_THREADS=2 BENCH_CONNECTIONS=16 BENCH_DURATION=30s BENCH_WARMUP=40s   wrk settings
#   BENCH_IDLE_MAX=15 BENCH_IDLE_WAIT=600   before each run, wait up to BENCH_IDLE_WAIT s until under BENCH_IDLE_MAX %
#                                       of the cores are busy (other builds would be measured too)
#   BENCH_JFR=0                         1: record a live-score run with Java Flight Recorder (settings=profile) to
#                                       target/bench-live-score.jfr and print where the request threads' CPU samples are
#   BENCH_JFR_RUN=typing                the run JFR records: typing or live
#   BENCH_SQL_COUNT=0                   1: start the app with Hibernate and JDBC SQL logging, count the statements of one
#                                       live-score request, and skip the wrk runs (the logging would skew them)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

PGHOST_=${BENCH_PGHOST:-127.0.0.1}
PGPORT_=${BENCH_PGPORT:-5432}
PGADMIN=${BENCH_PGADMIN:-postgres}
DB=${BENCH_DB:-perf_bench_live}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
DURATION=${BENCH_DURATION:-30s}
# 40 s per URL: after 10 s the JIT was still compiling the request path, and the same build measured up to a third
# slower than after 40 s (docs/performance.md, live score, 2026-11-30 third session)
WARMUP=${BENCH_WARMUP:-40s}
JFR=${BENCH_JFR:-0}
JFR_RUN=${BENCH_JFR_RUN:-typing}
SQL_COUNT=${BENCH_SQL_COUNT:-0}
JAR=${BENCH_JAR:-perf-web/target/perf-web-exec.jar}
FILER=filer-001239
REVIEWER=reviewer-001239
FINANCE=finance
PASSWORD='Demo@2026'
N_DECLARATION_ROWS=26     # + the 14 投入 rows of the library = 40 rows on the self-evaluation
N_ROWS=40
N_SUBPROJECTS=13

out_dir="$root/target"
mkdir -p "$out_dir"
report="$out_dir/bench-live-score.txt"
app_log="$out_dir/bench-live-score-app.log"
body_copy="$out_dir/bench-live-score-body.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT   # replaced by cleanup() below once there is more to clean up
: >"$report"
exec > >(tee -a "$report") 2>&1

die() { echo "ERROR: $*" >&2; exit 1; }
info() { echo "[$(date +%H:%M:%S)] $*"; }

# One benchmark at a time on a machine (this one or the edit-page one): they would measure each other.
exec 9>"${TMPDIR:-/tmp}/perf-bench-edit-page.lock"
if ! flock -n 9; then
  info "another benchmark holds ${TMPDIR:-/tmp}/perf-bench-edit-page.lock; waiting for it (at most 30 min)"
  flock -w 1800 9 || die "the other benchmark did not finish within 30 minutes"
fi

for tool in java curl psql wrk awk sed grep flock python3; do
  command -v "$tool" >/dev/null || die "$tool is not installed (needed: java 17, curl, psql, wrk, python3)"
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
  for p in $(seq 18200 18299); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}
PORT=${BENCH_PORT:-$(free_port)} || die "no free port in 18200-18299 (set BENCH_PORT)"
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
commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit+=" + uncommitted changes"
jar_info="$JAR built $(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ)"
cp "$JAR" "$work/app.jar"   # a rebuild of $JAR during the run would break the running app
info "starting the app on port $PORT (java options '$java_opts', args='${app_args[*]:-}'), log: $app_log"
# shellcheck disable=SC2086
PERF_DB_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$DB" PERF_DB_USER="$PGADMIN" PERF_DEMO_DATA=true \
  PERF_PORT="$PORT" PERF_DATA_DIR="$work/data" \
  java $java_opts -jar "$work/app.jar" "${app_args[@]}" >"$app_log" 2>&1 &
app_pid=$!

t0=$(date +%s)
up=0
for _ in $(seq 1 240); do   # at most 2 min
  kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$app_log"; die "the app exited during start-up"; }
  if curl -fsS --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then up=1; break; fi
  sleep 0.5
done
[ "$up" = 1 ] || { tail -n 40 "$app_log"; die "the app did not report UP on $base/actuator/health within 2 minutes"; }
info "app UP after $(( $(date +%s) - t0 )) s"

# ------------------------------------------------------------------------------------------------ 2. helpers

# c <user> curl-args…: curl with the cookie jar of <user>
c() { local who=$1; shift; curl -sS --max-time 60 -b "$work/cookies-$who.txt" -c "$work/cookies-$who.txt" "$@"; }

login() {  # login <user>
  local who=$1 page csrf resp
  page=$(c "$who" "$base/login") || die "GET /login failed"
  csrf=$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
  [ -n "$csrf" ] || die "no <input name=\"_csrf\"> on /login"
  resp=$(c "$who" -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode "username=$who" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$base/login")
  [ "$resp" = "302 $base/" ] || die "POST /login as $who: expected 302 to $base/, got '$resp'"
  info "logged in as $who"
}

meta_csrf() {  # the page's <meta name="_csrf" content="…">
  grep -o '<meta name="_csrf" content="[^"]*"' | head -n1 | sed 's/.*content="//; s/"$//'
}

# post_form <user> <url> <expected redirect regex> name=value…: posts with the page's CSRF token; prints the redirect
post_form() {
  local who=$1 url=$2 want=$3; shift 3
  local args=() kv resp
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  resp=$(c "$who" -o "$work/post.html" -w '%{http_code} %{redirect_url}' "${args[@]}" "$url") || die "POST $url failed"
  [ "${resp%% *}" = 302 ] || die "POST $url as $who: expected 302, got ${resp%% *}"
  [[ "${resp#* }" =~ $want ]] || die "POST $url as $who redirected to '${resp#* }', expected $want"
  printf '%s' "${resp#* }"
}

version_in() {  # the first hidden version field of a page
  grep -o 'name="version" value="[0-9]*"' | head -n1 | sed 's/.*value="//; s/"$//'
}

# ------------------------------------------------------------------------------------------------ 3. the declaration

login "$FILER"
login "$REVIEWER"
login "$FINANCE"

new_page=$(c "$FILER" "$base/declarations/new?layout=SUZHOU") || die "GET /declarations/new failed"
csrf=$(printf '%s' "$new_page" | meta_csrf)
[ -n "$csrf" ] || die "no <meta name=\"_csrf\"> on /declarations/new"
unit_id=$(printf '%s' "$new_page" | grep -o '<input type="hidden" name="unitId"[^>]*>' | head -n1 \
  | grep -o 'value="[0-9]*"' | grep -o '[0-9]*' || true)
[ -n "$unit_id" ] || die "no unitId on /declarations/new"

fields=(
  "_csrf=$csrf" "layout=SUZHOU" "unitId=$unit_id" "year=2025" "frameworkCode=SUZHOU_2017"
  "projectName=自评实时评分基准项目" "projectType=信息化工程及维护类" "projectLeader=张三" "contactPerson=李四"
  "contactPhone=0512-12345678"
  "overview=本项目用于性能基准测试：二十六个年度绩效指标、十三个子项目，检验自评表实时评分在负载下的响应时间。"
  "overallGoal=完成信息化系统建设与运维，提升服务效率。" "annualGoal=2025年完成十三个子项目的建设与维护。"
)
for ((i = 0; i < N_SUBPROJECTS; i++)); do
  fields+=("subProjects[$i].key=new-$i" "subProjects[$i].name=子项目$i" "subProjects[$i].amount=10")
done
kinds=(SUPERIOR CITY SUBORDINATE OTHER)
for ((i = 0; i < 4; i++)); do fields+=("fundingSources[$i].kind=${kinds[$i]}"); done
fields+=("fundingSources[1].currentYear=$((N_SUBPROJECTS * 10))")
categories=(产出 结果 影响力)
targets=("≥35个" "≥95%" "≤5%" "=100%" "显著提升" "≥120万元")
for ((i = 0; i < N_DECLARATION_ROWS; i++)); do
  fields+=(
    "indicators[$i].term=ANNUAL"
    "indicators[$i].category=${categories[$((i % 3))]}"
    "indicators[$i].name=指标$i"
    "indicators[$i].targetText=${targets[$((i % ${#targets[@]}))]}"
    "indicators[$i].explanation=指标$i的解释：按年度统计。"
    "indicators[$i].targetBasis=依据项目实施方案和历史数据测算。"
    "indicators[$i].subProjectKeys=new-$((i % N_SUBPROJECTS))"
  )
done
created=$(post_form "$FILER" "$base/declarations" '/declarations/[0-9]+/edit$' "${fields[@]}")
decl=$(printf '%s' "$created" | sed -n 's#^.*/declarations/\([0-9][0-9]*\)/edit$#\1#p')
info "created declaration $decl"

detail=$(c "$FILER" "$base/declarations/$decl")
post_form "$FILER" "$base/declarations/$decl/submit" "/declarations/$decl\$" "_csrf=$(printf '%s' "$detail" | meta_csrf)" \
  "version=$(printf '%s' "$detail" | version_in)" >/dev/null
detail=$(c "$REVIEWER" "$base/declarations/$decl")
post_form "$REVIEWER" "$base/declarations/$decl/review" "/declarations/$decl\$" \
  "_csrf=$(printf '%s' "$detail" | meta_csrf)" "version=$(printf '%s' "$detail" | version_in)" "decision=APPROVE" \
  "comment=" >/dev/null
detail=$(c "$FINANCE" "$base/declarations/$decl")
post_form "$FINANCE" "$base/declarations/$decl/review" "/declarations/$decl\$" \
  "_csrf=$(printf '%s' "$detail" | meta_csrf)" "version=$(printf '%s' "$detail" | version_in)" "grade=EXCELLENT" \
  "comment=" >/dev/null
detail=$(c "$FILER" "$base/declarations/$decl")
grep -q 'id="start-evaluation"' <<<"$detail" \
  || die "declaration $decl is not approved (no 生成自评表 button on its page for $FILER)"
info "declaration $decl submitted, approved by $REVIEWER, graded 优 by $FINANCE"

started=$(post_form "$FILER" "$base/declarations/$decl/evaluation" '/evaluations/[0-9]+/edit$' \
  "_csrf=$(printf '%s' "$detail" | meta_csrf)")
id=$(printf '%s' "$started" | sed -n 's#^.*/evaluations/\([0-9][0-9]*\)/edit$#\1#p')
info "started self-evaluation $id"

# ------------------------------------------------------------------------------------------------ 4. the form

edit_url="$base/evaluations/$id/edit"
preview_url="$base/evaluations/$id/preview"
static_url="$base/css/perf.css"
code=$(c "$FILER" -o "$work/edit.html" -w '%{http_code}' "$edit_url")
[ "$code" = 200 ] || die "GET $edit_url: HTTP $code"
n_rows=$(grep -o 'id="computed-[0-9]*"' "$work/edit.html" | sort -u | wc -l)
[ "$n_rows" -eq "$N_ROWS" ] || die "the edit page shows $n_rows indicator rows, expected $N_ROWS"
csrf=$(meta_csrf <"$work/edit.html")
[ -n "$csrf" ] || die "no <meta name=\"_csrf\"> on the edit page"
version_before=$(version_in <"$work/edit.html")
info "edit page: HTTP 200, $n_rows rows, $(wc -c <"$work/edit.html") bytes, version $version_before"

# The form as the browser posts it (hx-include="#evaluation-form": every named field, the hidden _csrf included), filled
# in as a filer types it: each row's 实际完成值 by its target (met, short with a reason, or over-achieved), the funds.
python3 - "$work/edit.html" "$work/body.txt" <<'PY'
import sys, re, urllib.parse
from html.parser import HTMLParser

class Form(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False; self.fields = []; self.textarea = None; self.rows = []; self.cells = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'form' and a.get('id') == 'evaluation-form':
            self.inside = True
        if not self.inside:
            return
        if tag == 'input' and 'name' in a and a.get('type', 'text') not in ('submit', 'button'):
            if a.get('type') in ('checkbox', 'radio') and 'checked' not in a:
                return
            self.fields.append([a['name'], a.get('value') or ''])
        elif tag == 'textarea' and 'name' in a:
            self.textarea = [a['name'], '']; self.fields.append(self.textarea)
        elif tag == 'tr' and (a.get('id') or '').startswith('row-'):
            self.cells = []; self.rows.append(self.cells)
        elif tag == 'td' and self.cells is not None:
            self.cells.append('')
    def handle_endtag(self, tag):
        if tag == 'form' and self.inside:
            self.inside = False
        elif tag == 'textarea':
            self.textarea = None
        elif tag == 'tr':
            self.cells = None
    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        elif self.cells:
            self.cells[-1] += data.strip()

f = Form(); f.feed(open(sys.argv[1], encoding='utf-8').read())
fields = f.fields
targets = [cells[3] for cells in f.rows]   # 序号, 类别, 指标名称, 目标值, 权重, …
def actual(k, target):
    m = re.match(r'^[=≥≤<>＝]*\s*([0-9.]+)\s*(.*?)(及其以下|及其以上|以下|以上)?$', target)
    if not m:
        return ['好', '较好', '显著提升'][k % 3], None          # 定性
    n, unit = float(m.group(1)), m.group(2)
    lower = target.startswith('≤') or (m.group(3) or '').endswith('以下')
    kind = k % 4                                          # met, short, over, met
    if kind == 1:
        v, why = (n * 1.2, '受疫情影响，部分工作推迟') if lower else (n * 0.93, '受疫情影响，部分工作推迟')
    elif kind == 2 and not lower:
        v, why = n * 1.4, '需求增加，超额完成'
    else:
        v, why = n, None
    return ('%g' % v) + unit, why
values = {}
for k, t in enumerate(targets):
    a, why = actual(k, t)
    values['rows[%d].actual' % k] = a
    if why:
        values['rows[%d].deviationReason' % k] = why
values.update({
    'cityBudget.initialBudget': '130', 'cityBudget.adjustment': '0', 'cityBudget.appropriated': '130',
    'cityBudget.indicatorBalance': '0', 'cityFundsUse.appropriated': '130', 'cityFundsUse.actualPaid': '120.9',
    'cityFundsUse.balance': '9.1', 'cityFundsUse.carryover': '9.1', 'cityFundsUse.recovered': '0',
    'report.implementation': '项目按计划实施，十三个子项目均已完成。', 'signature.filer': '李四',
    'signature.unitLeader': '张三', 'signature.filingDate': '2026-01-15'})
for k in range(13):
    values['subProjects[%d]' % k] = '9.3'
seen = set()
for field in fields:
    if field[0] in values:
        field[1] = values[field[0]]; seen.add(field[0])
missing = sorted(set(values) - seen)
if missing:
    sys.exit('the edit page has no fields %s' % missing)
if len(targets) == 0 or not any(n == '_csrf' for n, _ in fields):
    sys.exit('no indicator rows or no _csrf field in #evaluation-form')
open(sys.argv[2], 'w', encoding='utf-8').write(urllib.parse.urlencode([(n, v) for n, v in fields]))
print('%d fields, %d rows' % (len(fields), len(targets)))
PY
cp "$work/body.txt" "$body_copy"
info "form body: $(wc -c <"$work/body.txt") bytes (copy in $body_copy)"

# The session cookie(s) for wrk, from curl's cookie jar (Netscape format; HttpOnly lines start with #HttpOnly_).
cookie=$(awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' \
  "$work/cookies-$FILER.txt")
case "$cookie" in *SESSION=*|*JSESSIONID=*) ;; *) die "no session cookie (SESSION or JSESSIONID) in the cookie jar after login" ;; esac

# What htmx sends: POST, the form urlencoded, the CSRF header of <meta name="_csrf_header">, its own HX-* headers.
csrf_header=$(grep -o '<meta name="_csrf_header" content="[^"]*"' "$work/edit.html" | sed 's/.*content="//; s/"$//')
[ -n "$csrf_header" ] || die "no <meta name=\"_csrf_header\"> on the edit page"
preview_headers=(-H "Content-Type: application/x-www-form-urlencoded" -H "$csrf_header: $csrf" -H "HX-Request: true"
  -H "HX-Trigger: live-trigger" -H "HX-Current-URL: $edit_url")
lua_for() {  # lua_for <body file> <lua file>: the wrk script that posts <body file> as htmx does
cat >"$2" <<LUA
local f = assert(io.open("$1", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["$csrf_header"] = "$csrf"
wrk.headers["HX-Request"] = "true"
wrk.headers["HX-Trigger"] = "live-trigger"
wrk.headers["HX-Current-URL"] = "$edit_url"
LUA
}
lua_for "$work/body.txt" "$work/preview.lua"

code=$(curl -sS --max-time 30 -o "$work/preview.html" -w '%{http_code}' -H "Cookie: $cookie" "${preview_headers[@]}" \
  --data-binary @"$work/body.txt" "$preview_url")
[ "$code" = 200 ] || die "POST $preview_url: HTTP $code"
n_oob=$(grep -o 'id="computed-[0-9]*"[^>]*hx-swap-oob="true"' "$work/preview.html" | wc -l)
[ "$n_oob" -eq "$N_ROWS" ] || die "the preview answer has $n_oob row scores swapped out of band, expected $N_ROWS"
grep -q 'id="score-board"' "$work/preview.html" || die "the preview answer has no #score-board"
total=$(grep -o 'id="board-total">[^<]*' "$work/preview.html" | sed 's/.*>//')
n_findings=$(grep -o 'class="list-group-item finding' "$work/preview.html" | wc -l)
info "preview: HTTP 200, $(wc -c <"$work/preview.html") bytes, $n_oob row scores, total $total, $n_findings findings"

# Typing: the page now shows that answer (its liveShown fingerprints), and the filer types in row 1, which moves
# row 1's score, the total, the board and the findings. The body says so by posting the answer's fingerprints
# with those four replaced; the server sends back exactly those four parts (LiveParts). Every keystroke after the
# first is like this one; the "live" run above (nothing shown yet matches) is the first answer after the page opens.
python3 - "$work/preview.html" "$work/body.txt" "$work/body-typing.txt" <<'PY'
import re, sys, urllib.parse
answer = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'<input[^>]*id="live-shown"[^>]*>', answer)
v = m and re.search(r'value="([^"]*)"', m.group(0))
if not v:
    sys.exit('the preview answer has no #live-shown value')
parts = dict(p.split(':', 1) for p in v.group(1).split('.'))
for k in ('1', 't', 'b', 'f'):
    parts[k] = 'typed'
shown = '.'.join(k + ':' + x for k, x in parts.items())
fields = urllib.parse.parse_qsl(open(sys.argv[2], encoding='utf-8').read(), keep_blank_values=True)
fields = [(n, shown if n == 'liveShown' else x) for n, x in fields]
if not any(n == 'liveShown' for n, _ in fields):
    sys.exit('the edit form has no liveShown field')
open(sys.argv[3], 'w', encoding='utf-8').write(urllib.parse.urlencode(fields))
PY
lua_for "$work/body-typing.txt" "$work/typing.lua"
code=$(curl -sS --max-time 30 -o "$work/typing.html" -w '%{http_code}' -H "Cookie: $cookie" "${preview_headers[@]}" \
  --data-binary @"$work/body-typing.txt" "$preview_url")
[ "$code" = 200 ] || die "POST $preview_url (typing): HTTP $code"
n_typing=$(grep -o 'id="computed-[0-9]*"[^>]*hx-swap-oob="true"' "$work/typing.html" | wc -l)
[ "$n_typing" -eq 1 ] || die "the typing answer re-sends $n_typing row scores, expected 1"
grep -q 'id="score-board"' "$work/typing.html" || die "the typing answer has no #score-board"
info "typing: HTTP 200, $(wc -c <"$work/typing.html") bytes, $n_typing row score, the board, the total and the findings"

declare -A expected_size
read -r code size < <(curl -sS --max-time 30 -o /dev/null -H "Cookie: $cookie" "${preview_headers[@]}" \
  --data-binary @"$work/body.txt" -w '%{http_code} %{size_header} %{size_download}\n' "$preview_url" \
  | awk '{print $1, $2 + $3}')
[ "$code" = 200 ] || die "POST $preview_url: HTTP $code"
expected_size[live]=$size
read -r code size < <(curl -sS --max-time 30 -o /dev/null -H "Cookie: $cookie" "${preview_headers[@]}" \
  --data-binary @"$work/body-typing.txt" -w '%{http_code} %{size_header} %{size_download}\n' "$preview_url" \
  | awk '{print $1, $2 + $3}')
[ "$code" = 200 ] || die "POST $preview_url (typing): HTTP $code"
expected_size[typing]=$size
read -r code size < <(curl -sS --max-time 30 -o /dev/null -H "Cookie: $cookie" \
  -w '%{http_code} %{size_header} %{size_download}\n' "$static_url" | awk '{print $1, $2 + $3}')
[ "$code" = 200 ] || die "GET $static_url: HTTP $code"
expected_size[static]=$size

if [ "$SQL_COUNT" = 1 ]; then
  sql_lines() { grep -E 'org.hibernate.SQL|Executing prepared SQL statement' "$app_log" || true; }
  before=$(sql_lines | wc -l)
  curl -sS --max-time 30 -o /dev/null -H "Cookie: $cookie" "${preview_headers[@]}" --data-binary @"$work/body.txt" \
    "$preview_url"
  sleep 1   # let the log flush (the request has completed)
  after=$(sql_lines | wc -l)
  echo
  echo "SQL statements for one POST /evaluations/$id/preview: $((after - before))"
  echo "By statement shape (first 100 characters):"
  sql_lines | tail -n "$((after - before))" | sed -e 's/.*org.hibernate.SQL *: *//' \
    -e 's/.*Executing prepared SQL statement \[//' | cut -c1-100 | sort | uniq -c | sort -rn | head -20
  exit 0
fi

# ------------------------------------------------------------------------------------------------ 5. wrk

wrk_run() {  # wrk_run <duration> <name> <output file>
  local script=() url
  url=$(url_of "$2")
  case $2 in live) script=(-s "$work/preview.lua") ;; typing) script=(-s "$work/typing.lua") ;; esac
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --timeout 10s --latency -H "Cookie: $cookie" "${script[@]}" "$url" >"$3" 2>&1 \
    || { cat "$3"; die "wrk failed on $url"; }
}

to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.2f", n }'
}

to_bytes() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "KB") n *= 1024; else if (u == "MB") n *= 1048576; else if (u == "GB") n *= 1073741824;
    printf "%.0f", n }'
}

declare -A p50 p90 p99 rps reqs
parse() {  # parse <name> <url> <wrk output>
  local name=$1 url=$2 f=$3 non2xx sock total read per_req exp
  p50[$name]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$f")")
  p90[$name]=$(to_ms "$(awk '$1 == "90%" {print $2}' "$f")")
  p99[$name]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$f")")
  rps[$name]=$(awk '/^Requests\/sec:/ {print $2}' "$f")
  total=$(awk '/requests in/ {print $1}' "$f")
  read=$(awk '/requests in/ {print $5}' "$f")
  reqs[$name]=$total
  [ -n "${rps[$name]}" ] && [ -n "$total" ] || { cat "$f"; die "could not parse wrk's output for $name"; }
  non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$f")
  [ -z "$non2xx" ] || { cat "$f"; die "$name: $non2xx responses with status >= 400 (session lost? CSRF refused?)"; }
  sock=$(grep 'Socket errors' "$f" || true)
  [ -z "$sock" ] || echo "WARNING: $name: $sock -- timed-out requests are missing from the latency figures"
  [ "$total" -gt 0 ] || die "$name: no request completed"
  per_req=$(( $(to_bytes "$read") / total ))
  exp=${expected_size[$name]}
  # wrk's "read" also counts partial responses in flight at the end; a 302 to /login is a few hundred bytes.
  local upper=$(( exp * (total + CONNECTIONS) / total * 102 / 100 ))
  [ -z "$sock" ] || upper=$((exp * 1000))
  if [ "$per_req" -lt $((exp * 97 / 100)) ] || [ "$per_req" -gt "$upper" ]; then
    die "$name: wrk read $per_req bytes per response, a logged-in 200 is $exp bytes: redirects (to /login?) or errors"
  fi
}

IDLE_MAX=${BENCH_IDLE_MAX:-15}
IDLE_WAIT=${BENCH_IDLE_WAIT:-600}
busy_pct() {
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

url_of() { case $1 in live | typing) echo "$preview_url" ;; static) echo "$static_url" ;; esac; }

if [ "$JFR" = 1 ]; then  # the first JFR.start in a JVM costs seconds of CPU: pay it before the warm-up
  jcmd "$app_pid" JFR.start name=init settings=profile >/dev/null && jcmd "$app_pid" JFR.stop name=init >/dev/null \
    || die "jcmd JFR.start failed"
fi
wait_idle warm-up
info "warm-up: wrk -d$WARMUP on each URL"
for name in live typing static; do wrk_run "$WARMUP" "$name" "$work/warmup.txt"; done

# Latency of single requests one after the other (no concurrency), after the warm-up, for reference.
for name in live typing static; do
  times=""
  for _ in 1 2 3 4 5; do
    if [ "$name" != static ]; then
      body="$work/body.txt"; [ "$name" = typing ] && body="$work/body-typing.txt"
      times+=" $(curl -sS --max-time 60 -o /dev/null -H "Cookie: $cookie" "${preview_headers[@]}" \
        --data-binary @"$body" -w '%{time_total}' "$preview_url" | awk '{printf "%.1f", $1 * 1000}')"
    else
      times+=" $(curl -sS --max-time 60 -o /dev/null -H "Cookie: $cookie" -w '%{time_total}' "$static_url" \
        | awk '{printf "%.1f", $1 * 1000}')"
    fi
  done
  info "single requests, $name (ms):$times"
done

cpu_total() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
cpu_of() { local p s=0; for p in "$@"; do
    s=$(( s + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$s"; }
pg_pids() { pgrep -x postgres || true; }
declare -A cpu_app cpu_pg cpu_rest load_before
cpu_begin() { c_tot=$(cpu_total); c_app=$(cpu_of "$app_pid"); c_pg_pids=$(pg_pids); c_pg=$(cpu_of $c_pg_pids); }
cpu_end() {
  local name=$1 secs=$2 hz; hz=$(getconf CLK_TCK)
  local tot=$(( $(cpu_total) - c_tot )) app=$(( $(cpu_of "$app_pid") - c_app )) pg=$(( $(cpu_of $c_pg_pids) - c_pg ))
  cpu_app[$name]=$(( 100 * app / hz / secs )); cpu_pg[$name]=$(( 100 * pg / hz / secs ))
  cpu_rest[$name]=$(( 100 * (tot - app - pg) / hz / secs ))
}
dur_secs=$(awk -v d="$DURATION" 'BEGIN { n = d + 0; if (d ~ /m$/) n *= 60; else if (d ~ /h$/) n *= 3600; print n }')

cmd="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency -H 'Cookie: SESSION=…' [-s preview.lua] <url>"
info "measuring: $cmd"
for name in live typing static; do
  u=$(url_of $name)
  wait_idle "$name"
  load_before[$name]=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$name" = "$JFR_RUN" ] && [ "$JFR" = 1 ]; then
    jcmd "$app_pid" JFR.start name=bench settings=profile filename="$out_dir/bench-live-score.jfr" >/dev/null \
      || die "jcmd JFR.start failed"
  fi
  cpu_begin
  wrk_run "$DURATION" "$name" "$work/wrk-$name.txt"
  cpu_end "$name" "$dur_secs"
  if [ "$name" = "$JFR_RUN" ] && [ "$JFR" = 1 ]; then
    jcmd "$app_pid" JFR.stop name=bench >/dev/null || die "jcmd JFR.stop failed"
  fi
  echo "--- wrk: $name ($u)"
  cat "$work/wrk-$name.txt"
  parse "$name" "$u" "$work/wrk-$name.txt"
done

version_after=$(c "$FILER" "$edit_url" | version_in)
[ "$version_after" = "$version_before" ] \
  || die "the self-evaluation's version went from $version_before to $version_after: the live score stored something"

# ------------------------------------------------------------------------------------------------ results

if [ "$JFR" = 1 ]; then
  # Per request-thread CPU sample: the methods on its stack (inclusive) and the top frame (self). The frames on
  # (nearly) every stack -- Tomcat, the filter chain, the dispatcher -- are left out of the inclusive list.
  jfr print --stack-depth 512 --events jdk.ExecutionSample "$out_dir/bench-live-score.jfr" \
    | awk -v f="target/bench-live-score.jfr" -v r="$JFR_RUN" '
    /jdk.ExecutionSample/ { flush(); inreq = 0; first = ""; delete seen; next }
    /sampledThread = "http-nio/ { inreq = 1 }
    /line:/ { m = $1; sub(/\(.*/, "", m); seen[m] = 1; if (first == "") first = m }
    function flush(  k) { if (inreq) { n++; self[first]++; for (k in seen) c[k]++ } }
    END { flush(); printf "\nJFR, " r " run: %d CPU samples of request threads (%s)\n", n, f;
          print "inclusive (share of samples with the method on the stack; < 90 %, below the filter chain):";
          for (k in c) if (100 * c[k] / n < 90) printf "%5.1f %%  %s\n", 100 * c[k] / n, k | "sort -rn | head -n 70";
          close("sort -rn | head -n 70");
          print "self (top frame):";
          for (k in self) printf "%5.1f %%  %s\n", 100 * self[k] / n, k | "sort -rn | head -n 20";
          close("sort -rn | head -n 20") }'
fi

mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
jv=$(java -version 2>&1 | head -n1)
pgv=$(psql -X -At -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d postgres -c 'show server_version' 2>/dev/null || echo '?')
echo
echo "=== bench-live-score $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $commit; $jar_info"
echo "machine: $(nproc) cores, $mem, $jv, PostgreSQL $pgv; JAVA_OPTS='${JAVA_OPTS:-}'"
echo "self-evaluation $id: $N_ROWS rows, $N_SUBPROJECTS sub-projects; form body $(wc -c <"$work/body.txt") bytes;" \
  "preview answer ${expected_size[live]} bytes (total $total, $n_findings findings), typing answer ${expected_size[typing]} bytes"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up per URL)"
echo
printf '| %-44s | %11s | %9s | %11s | %10s | %9s | %13s |\n' request "median (ms)" "p90 (ms)" "p99 (ms)" "req/s" \
  requests "app CPU/req"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..13})" \
  "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..13})" "$(printf -- '-%.0s' {1..12})" \
  "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..15})"
for name in live typing static; do
  case $name in
    live) label="POST preview, all 40 rows re-sent" ;;
    typing) label="POST preview, typing (1 row re-sent)" ;;
    static) label="GET /css/perf.css" ;;
  esac
  cpu_req=$(awk -v c="${cpu_app[$name]}" -v d="$dur_secs" -v r="${reqs[$name]}" \
    'BEGIN { v = 10 * c * d / r; printf (v < 10 ? "%.2f ms" : "%.1f ms"), v }')
  printf '| %-44s | %11s | %9s | %11s | %10s | %9s | %13s |\n' "$label" "${p50[$name]}" "${p90[$name]}" \
    "${p99[$name]}" "${rps[$name]}" "${reqs[$name]}" "$cpu_req"
done
echo
echo "CPU during each run, % of one core ($(nproc) cores = $(( 100 * $(nproc) )) %): app JVM / PostgreSQL / rest (wrk and others)"
for name in live typing static; do
  printf '  %-6s %4s %% / %4s %% / %4s %%   (before the run: %s %% busy, load average %s)\n' "$name" \
    "${cpu_app[$name]}" "${cpu_pg[$name]}" "${cpu_rest[$name]}" "${busy_before[$name]}" "${load_before[$name]}"
done
echo
for name in live typing; do
  ratio=$(awk -v e="${rps[$name]}" -v s="${rps[static]}" 'BEGIN {printf "%.2f", 100 * e / s}')
  goal_med=$(awk -v m="${p50[$name]}" 'BEGIN {print (m < 20) ? "MET" : "NOT MET"}')
  echo "$name: throughput $ratio % of the static file's; goal median < 20 ms: $goal_med (${p50[$name]} ms)"
done
echo "all responses were 200 with the expected size; the self-evaluation's version stayed $version_before (nothing stored)"
