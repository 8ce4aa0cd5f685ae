#!/usr/bin/env bash
# Data generator (issue 12, "Load"): fills the PostgreSQL database <db> with a deadline week's worth of forms —
# by default 10,000 申报表 of the filing year 2021 in every status and 10,000 绩效自评表 of 2020 (each on its own
# approved 2020 申报表, so the declaration table holds 20,000 rows), spread over ~300 budget units of 60 departments
# in four regions (苏州市 in the Suzhou layout; 济宁市, 泰安市, 临沂市 in the national layout), with the accounts
# they need: up to 3,500 filer accounts (load-00001 …) each with a 申报表 of its own in 草稿 that can be submitted as it is, a department reviewer per
# 主管部门 and a finance reviewer per region, all with the demo password Demo@2026.
#
# Usage: bash scripts/generate-data.sh <db>          (the database is dropped and recreated)
#
# How (docs/performance.md, "Deadline week (issue 12)"):
#  1. the app itself (perf-web/target/perf-web-exec.jar, built if missing) starts once on the empty database with the
#     demo data: Flyway makes the schema, the demo loads the four seed forms and the seed 自评表;
#  2. through the app's own pages (as scripts/bench-live-score.sh does) the two submitted seeds are approved and
#     graded, and a 自评表 is started, filled in and saved for three of them (Suzhou and national layouts), so the
#     scoring engine computes and stores their scores, traces and findings;
#  3. the app stops and scripts/load/generate-data.sql clones those four seed forms and their 自评表 set-based
#     (INSERT … SELECT over generate_series) onto the generated units, projects, years and statuses; rows,
#     texts, parsed target values and the stored scores are the engine's own for that content, so every page opens
#     and every score agrees with what the engine computes;
#  4. VACUUM ANALYZE.
# Approved 申报表 get no signed PDF here: the app's backfill (SignedPdfBackfill) signs them after start-up at about
# 0.3 s of CPU each. scripts/load-deadline-week.sh starts the app with the backfill postponed.
#
# Settings (environment): GEN_DECLARATIONS=10000 GEN_EVALUATIONS=10000 GEN_FILERS=3500
#   GEN_PGHOST=127.0.0.1 GEN_PGPORT=5432 GEN_PGADMIN=postgres   GEN_PORT=<free port in 18300-18399>
#   GEN_JAR=perf-web/target/perf-web-exec.jar
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
DB=${1:?usage: scripts/generate-data.sh <db>}
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "the database name must be a plain lower-case identifier" >&2; exit 2; }
PGHOST_=${GEN_PGHOST:-127.0.0.1}
PGPORT_=${GEN_PGPORT:-5432}
PGADMIN=${GEN_PGADMIN:-postgres}
N_DECL=${GEN_DECLARATIONS:-10000}
N_EVAL=${GEN_EVALUATIONS:-10000}
N_FILERS=${GEN_FILERS:-3500}
JAR=${GEN_JAR:-perf-web/target/perf-web-exec.jar}
PASSWORD='Demo@2026'

die() { echo "ERROR: $*" >&2; exit 1; }
info() { echo "[$(date +%H:%M:%S)] $*"; }
for tool in java curl psql python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d postgres "$@"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d "$DB" "$@"; }

work=$(mktemp -d)
app_pid=""
cleanup() {
  local rc=$?
  set +e
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$app_pid" 2>/dev/null && kill -9 "$app_pid"
    wait "$app_pid" 2>/dev/null
  fi
  [ "$rc" -ne 0 ] && echo "FAILED (exit $rc); app log: $work/app.log kept" && return
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
t_start=$(date +%s)

if [ ! -f "$JAR" ]; then
  info "building $JAR"
  ./mvnw -B -ntp -q -DskipTests package -pl perf-web -am || die "the build failed"
fi
cp "$JAR" "$work/app.jar"

info "recreating database $DB"
psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_admin -c "CREATE DATABASE $DB"

free_port() { local p; for p in $(seq 18300 18399); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi; done; return 1; }
PORT=${GEN_PORT:-$(free_port)} || die "no free port"
base="http://127.0.0.1:$PORT"
info "starting the app once (schema and demo data) on port $PORT"
PERF_DB_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$DB" PERF_DB_USER="$PGADMIN" PERF_DEMO_DATA=true PERF_PORT="$PORT" \
  PERF_DATA_DIR="$work/data" java -jar "$work/app.jar" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
  kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$work/app.log"; die "the app exited during start-up"; }
  curl -fsS --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
  sleep 0.5
done
curl -fsS --max-time 2 "$base/actuator/health" | grep -q '"status":"UP"' || die "the app did not start"
info "app UP"

# ---------------------------------------------------------------- 2. the templates, through the app's own pages
c() { local who=$1; shift; curl -sS --max-time 60 -b "$work/cookies-$who.txt" -c "$work/cookies-$who.txt" "$@"; }
login() {
  local who=$1 page csrf resp
  page=$(c "$who" "$base/login")
  csrf=$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//')
  resp=$(c "$who" -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode "username=$who" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$base/login")
  [ "$resp" = "302 $base/" ] || die "POST /login as $who: got '$resp'"
}
meta_csrf() { grep -o '<meta name="_csrf" content="[^"]*"' | head -n1 | sed 's/.*content="//; s/"$//'; }
version_in() { grep -o 'name="version" value="[0-9]*"' | head -n1 | sed 's/.*value="//; s/"$//'; }
post_form() {  # post_form <user> <url> <expected redirect regex> name=value…
  local who=$1 url=$2 want=$3; shift 3
  local args=() kv resp
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  resp=$(c "$who" -o "$work/post.html" -w '%{http_code} %{redirect_url}' "${args[@]}" "$url") || die "POST $url failed"
  [ "${resp%% *}" = 302 ] || die "POST $url as $who: expected 302, got ${resp%% *}"
  [[ "${resp#* }" =~ $want ]] || die "POST $url as $who redirected to '${resp#* }', expected $want"
  printf '%s' "${resp#* }"
}
review() {  # review <user> <declaration id> name=value…
  local who=$1 id=$2; shift 2
  local detail; detail=$(c "$who" "$base/declarations/$id")
  post_form "$who" "$base/declarations/$id/review" "/declarations/$id\$" "_csrf=$(printf '%s' "$detail" | meta_csrf)" \
    "version=$(printf '%s' "$detail" | version_in)" "comment=" "$@" >/dev/null
}
decl_id() { psql_db -At -c "select id from declaration where project_name = '$1'"; }

for u in reviewer-001239 finance reviewer-jining finance-jining filer-001239 filer-001276 filer-jining; do login "$u"; done
d_cg=$(decl_id '苏州市城管执法考核系统')
d_zj=$(decl_id '苏州市住建局“互联网+监管”')
d_jn=$(decl_id '济宁高新区数字化城市管理数据采集及坐席队伍市场化运作项目')
[ -n "$d_cg" ] && [ -n "$d_zj" ] && [ -n "$d_jn" ] || die "the demo declarations are not there"
review reviewer-001239 "$d_cg" decision=APPROVE
review finance "$d_cg" grade=EXCELLENT
review reviewer-jining "$d_jn" decision=APPROVE
review finance-jining "$d_jn" grade=EXCELLENT
info "seed declarations $d_cg and $d_jn approved and graded"
for pair in "filer-001239:$d_cg" "filer-001276:$d_zj" "filer-jining:$d_jn"; do
  who=${pair%%:*}; d=${pair#*:}
  detail=$(c "$who" "$base/declarations/$d")
  started=$(post_form "$who" "$base/declarations/$d/evaluation" '/evaluations/[0-9]+/edit$' \
    "_csrf=$(printf '%s' "$detail" | meta_csrf)")
  e=$(printf '%s' "$started" | sed -n 's#^.*/evaluations/\([0-9][0-9]*\)/edit$#\1#p')
  c "$who" -o "$work/edit-$e.html" "$base/evaluations/$e/edit"
  psql_db -At -F$'\t' -c "select target_text, target_kind, weight from self_evaluation_indicator
    where self_evaluation_id = $e order by position" >"$work/targets-$e.tsv"
  python3 scripts/load/fill-evaluation.py "$work/edit-$e.html" "$work/body-$e.txt" "$work/targets-$e.tsv" >/dev/null
  resp=$(c "$who" -o "$work/saved-$e.html" -w '%{http_code} %{redirect_url}' --data-binary @"$work/body-$e.txt" \
    -H 'Content-Type: application/x-www-form-urlencoded' "$base/evaluations/$e/edit")
  [ "$resp" = "302 $base/evaluations/$e/edit" ] || die "saving self-evaluation $e as $who: '$resp'"
  info "self-evaluation $e of declaration $d started, filled in and saved by $who (scored by the app)"
done
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
info "app stopped"

# ---------------------------------------------------------------- 3. set-based clones, 4. statistics
t_sql=$(date +%s)
psql_db -v n_decl="$N_DECL" -v n_eval="$N_EVAL" -v n_filers="$N_FILERS" -f scripts/load/generate-data.sql
info "generate-data.sql: $(( $(date +%s) - t_sql )) s"
psql_db -c "VACUUM ANALYZE"
psql_db -At -F' ' -c "select 'declarations', count(*) from declaration union all
  select 'self-evaluations', count(*) from self_evaluation union all
  select 'declaration indicators', count(*) from declaration_indicator union all
  select 'self-evaluation indicators', count(*) from self_evaluation_indicator union all
  select 'units', count(*) from budget_unit union all select 'accounts', count(*) from user_account union all
  select 'load filers', count(*) from loadgen.filer" | sed 's/^/  /'
info "database $DB: $(psql_db -At -c "select pg_size_pretty(pg_database_size('$DB'))"); done in $(( $(date +%s) - t_start )) s"
