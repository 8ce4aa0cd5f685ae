#!/usr/bin/env bash
# Two application nodes behind nginx on one PostgreSQL (issue 12, "more than one node"): a user keeps working,
# signed in, when the node serving them is killed.
#
# Usage (from a checkout; needs java 17, curl, psql, python3, nginx — Debian's nginx-light):
#   bash scripts/two-nodes.sh
#
# What it does:
#   1. builds perf-web/target/perf-web-exec.jar if missing;
#   2. drops and creates the database $NODES_DB;
#   3. starts node A and node B at the same moment against it, both with the demo data switched on (Flyway's
#      own lock and the demo-data job lock let exactly one of them migrate and load; the other waits);
#   4. writes an nginx configuration into a temporary directory (its own pid file, logs and temp paths, nothing
#      of the system's) and runs nginx in the foreground as a child: round robin over the two nodes, so
#      consecutive requests of one user alternate between the nodes even before anything fails;
#   5. walks a filer's journey with curl through nginx — sign in, the list, a new draft, its edit page, save it
#      with its version, 待办 — and kill -9s the node that served the edit page right after it, so the save (with
#      the CSRF token of a page the dead node rendered) and what follows go to the surviving node;
#   6. prints every request with its status and the node(s) nginx tried, checks that the user stayed signed in
#      and that the save was stored exactly once (the declaration's version and its audit entries);
#   7. stops nginx and the surviving node and drops the database (NODES_KEEP=1 keeps the database).
# Output also in target/two-nodes.txt; the nodes' and nginx's logs in target/two-nodes-*.log.
#
# Settings (environment):
#   NODES_PGHOST=127.0.0.1 NODES_PGPORT=5432 NODES_PGADMIN=postgres   PostgreSQL and the role used (trust/PGPASSWORD)
#   NODES_DB=perf_two_nodes      database (dropped and created)
#   NODES_PORT_A=18181 NODES_PORT_B=18182 NODES_PORT_LB=18180          ports of the nodes and of nginx
#   JAVA_OPTS="-Xmx512m"         JVM options of each node
#   NGINX=/usr/sbin/nginx
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

PGHOST_=${NODES_PGHOST:-127.0.0.1}
PGPORT_=${NODES_PGPORT:-5432}
PGADMIN=${NODES_PGADMIN:-postgres}
DB=${NODES_DB:-perf_two_nodes}
PORT_A=${NODES_PORT_A:-18181}
PORT_B=${NODES_PORT_B:-18182}
PORT_LB=${NODES_PORT_LB:-18180}
NGINX=${NGINX:-/usr/sbin/nginx}
JAVA_OPTS_=${JAVA_OPTS:--Xmx512m}
JAR=perf-web/target/perf-web-exec.jar
USERNAME=filer-001239
PASSWORD='Demo@2026'

mkdir -p "$root/target"
report="$root/target/two-nodes.txt"
: >"$report"
exec > >(tee -a "$report") 2>&1

die() { echo "ERROR: $*" >&2; exit 1; }
info() { echo "[$(date +%H:%M:%S)] $*"; }

for tool in java curl psql python3 "$NGINX"; do
  command -v "$tool" >/dev/null || die "$tool is not installed (needed: java 17, curl, psql, python3, nginx)"
done
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "NODES_DB must be a plain lower-case identifier, got '$DB'"
for p in "$PORT_A" "$PORT_B" "$PORT_LB"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/"; then die "port $p is in use"; fi
done

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d postgres "$@"; }
psql_db() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$PGHOST_" -p "$PGPORT_" -U "$PGADMIN" -d "$DB" "$@"; }

work=$(mktemp -d)
declare -A node_pid=()
nginx_pid=""
cleanup() {
  local rc=$?
  set +e
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  for n in "${!node_pid[@]}"; do
    kill "${node_pid[$n]}" 2>/dev/null
  done
  for n in "${!node_pid[@]}"; do
    wait "${node_pid[$n]}" 2>/dev/null
  done
  [ -f "$work/nginx/logs/error.log" ] && cp "$work/nginx/logs/error.log" "$root/target/two-nodes-nginx-error.log"
  [ -f "$work/nginx/logs/access.log" ] && cp "$work/nginx/logs/access.log" "$root/target/two-nodes-nginx-access.log"
  if [ "${NODES_KEEP:-0}" != 1 ]; then
    psql_admin -c "drop database if exists $DB with (force)" >/dev/null 2>&1 && info "dropped database $DB"
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------------- 1. jar, database
if [ ! -f "$JAR" ]; then
  info "building $JAR"
  ./mvnw -o -B -ntp -q package -DskipTests -pl perf-web -am
fi
psql_admin -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
info "created database $DB on $PGHOST_:$PGPORT_"

# ------------------------------------------------------------------------------------------- 2. two nodes at once
start_node() {   # name port
  PERF_DB_URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$DB" PERF_DB_USER="$PGADMIN" PERF_DB_PASSWORD="${PGPASSWORD:-}" \
    PERF_DEMO_DATA=true PERF_PORT="$2" \
    java $JAVA_OPTS_ -jar "$JAR" >"$root/target/two-nodes-$1.log" 2>&1 &
  node_pid[$1]=$!
}
t0=$(date +%s)
start_node A "$PORT_A"
start_node B "$PORT_B"
info "started node A (port $PORT_A, pid ${node_pid[A]}) and node B (port $PORT_B, pid ${node_pid[B]}) at the same moment"
for n in A B; do
  port=$PORT_A; [ $n = B ] && port=$PORT_B
  up=0
  for _ in $(seq 1 360); do
    kill -0 "${node_pid[$n]}" 2>/dev/null || { tail -n 30 "$root/target/two-nodes-$n.log"; die "node $n exited"; }
    if curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; then up=1; break; fi
    sleep 0.5
  done
  [ $up = 1 ] || die "node $n did not report UP within 3 minutes"
  info "node $n UP after $(( $(date +%s) - t0 )) s"
done
migrations=$(psql_db -c "select count(*) from flyway_schema_history where success")
seeds=$(psql_db -c "select count(*) from declaration")
users=$(psql_db -c "select count(*) from user_account where username = '$USERNAME'")
info "after both started: $migrations migrations applied once each, $seeds declarations (the demo's seeds, loaded once), $users account '$USERNAME'"
for n in A B; do
  if grep -q "Migrating schema" "$root/target/two-nodes-$n.log"; then info "  node $n ran the migrations"; fi
done

# ------------------------------------------------------------------------------------------- 3. nginx
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<EOF
# written by scripts/two-nodes.sh: everything under $work/nginx, nothing of the system's nginx
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
    access_log $work/nginx/logs/access.log;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    client_max_body_size 12m;

    # Round robin, no stickiness: sessions are in PostgreSQL, any node serves any request. A node that refuses
    # connections is skipped for 30 s; the request goes to the next node.
    upstream perf {
        server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=30s;
        server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=30s;
    }
    server {
        listen 127.0.0.1:$PORT_LB;
        location / {
            proxy_pass http://perf;
            # a connection that fails (a dead node) is retried on the other node, for any method: nothing was
            # sent yet. A request already sent when its node dies is not retried unless idempotent (nginx's
            # default): a save is never sent twice.
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Port \$server_port;
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
EOF
"$NGINX" -t -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf" 2>&1 | sed 's/^/  nginx -t: /'
"$NGINX" -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT_LB/login" && break; sleep 0.2; done
lb="http://127.0.0.1:$PORT_LB"
info "nginx (pid $nginx_pid) round robin on $lb over A=127.0.0.1:$PORT_A and B=127.0.0.1:$PORT_B"

# ------------------------------------------------------------------------------------------- 4. the journey
jar="$work/cookies.txt"
step=0
last_node=""
node_of() {   # nginx's $upstream_addr "127.0.0.1:18181, 127.0.0.1:18182" -> "A→B" (A tried first, B answered)
  local tried=$1 out="" first=1
  IFS=',' read -ra addrs <<<"$tried"
  for a in "${addrs[@]}"; do
    a=${a// /}
    local n="?"; [ "$a" = "127.0.0.1:$PORT_A" ] && n=A; [ "$a" = "127.0.0.1:$PORT_B" ] && n=B
    if [ $first = 1 ]; then out=$n; first=0; else out="$out→$n"; fi
  done
  printf '%s' "$out"
}
# request METHOD PATH OUTFILE [curl args...]: prints one line per request; sets $code, $location
request() {
  local method=$1 path=$2 out=$3; shift 3
  step=$((step + 1))
  local meta
  meta=$(curl -sS --max-time 30 -b "$jar" -c "$jar" -X "$method" -o "$out" -D "$work/headers" \
    -w '%{http_code}' "$@" "$lb$path") || meta="000"
  code=$meta
  location=$(grep -i '^location:' "$work/headers" 2>/dev/null | tr -d '\r' | sed 's/^[Ll]ocation: //' || true)
  local upstream
  upstream=$(grep -i '^x-upstream:' "$work/headers" 2>/dev/null | tr -d '\r' | sed 's/^[Xx]-[Uu]pstream: //' || true)
  local served; served=$(node_of "${upstream:-none}")
  last_node=${served##*→}
  local signed="signed in"
  case "$location" in */login*) signed="SENT TO LOGIN" ;; esac
  printf '  %2d. %-4s %-40s -> %s%s  node %-5s %s\n' "$step" "$method" "$path" "$code" \
    "${location:+ → $location}" "$served" "$( [ "$path" = /login ] && echo '' || echo "($signed)")"
}
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -n1 | sed 's/.*value="//; s/"$//'; }
meta_csrf_of() { grep -o '<meta name="_csrf" content="[^"]*"' "$1" | head -n1 | sed 's/.*content="//; s/"$//'; }

info "the journey of $USERNAME through nginx (node = the node that answered; X→Y: X was tried first)"
request GET /login "$work/login.html"
[ "$code" = 200 ] || die "GET /login: $code"
request POST /login "$work/out.html" --data-urlencode "username=$USERNAME" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$(csrf_of "$work/login.html")"
[ "$code" = 302 ] || die "POST /login: $code → $location"
case "$location" in *error*) die "POST /login: wrong password ($location)" ;; esac
request GET / "$work/home.html"
request GET /declarations "$work/list.html"
[ "$code" = 200 ] || die "GET /declarations: $code"
request GET "/declarations/new?layout=SUZHOU" "$work/new.html"
[ "$code" = 200 ] || die "GET /declarations/new: $code"
unit_id=$(grep -o '<input type="hidden" name="unitId"[^>]*>' "$work/new.html" | head -n1 | grep -o 'value="[0-9]*"' \
  | grep -o '[0-9]*' || true)
[ -n "$unit_id" ] || die "no unitId on /declarations/new"
fields=(
  --data-urlencode "_csrf=$(meta_csrf_of "$work/new.html")" --data-urlencode "layout=SUZHOU"
  --data-urlencode "unitId=$unit_id" --data-urlencode "year=2027" --data-urlencode "frameworkCode=SUZHOU_2017"
  --data-urlencode "projectName=两节点演练项目" --data-urlencode "projectType=信息化工程及维护类"
  --data-urlencode "projectLeader=张三" --data-urlencode "contactPerson=李四" --data-urlencode "contactPhone=0512-12345678"
  --data-urlencode "overview=节点故障演练用的草稿。" --data-urlencode "establishmentBasis=依据市级项目管理办法。"
  --data-urlencode "necessity=保障系统运行。" --data-urlencode "implementationPlan=按季度实施。"
  --data-urlencode "overallGoal=完成系统建设。" --data-urlencode "annualGoal=2027年完成建设。"
  --data-urlencode "subProjects[0].key=new-0" --data-urlencode "subProjects[0].name=子项目一"
  --data-urlencode "subProjects[0].amount=10"
  --data-urlencode "fundingSources[0].kind=SUPERIOR" --data-urlencode "fundingSources[1].kind=CITY"
  --data-urlencode "fundingSources[2].kind=SUBORDINATE" --data-urlencode "fundingSources[3].kind=OTHER"
  --data-urlencode "fundingSources[1].currentYear=10"
  --data-urlencode "indicators[0].term=ANNUAL" --data-urlencode "indicators[0].category=产出"
  --data-urlencode "indicators[0].name=系统上线模块数" --data-urlencode "indicators[0].targetText=≥8个"
  --data-urlencode "indicators[0].explanation=上线模块的数量。" --data-urlencode "indicators[0].targetBasis=项目实施方案。"
  --data-urlencode "indicators[0].subProjectKeys=new-0"
)
request POST /declarations "$work/out.html" "${fields[@]}"
if [ "$code" != 302 ]; then
  grep -o 'class="invalid-feedback[^"]*"[^>]*>[^<]*' "$work/out.html" | sed 's/.*>/  refused: /' | sort | uniq -c | head
fi
[ "$code" = 302 ] || die "POST /declarations: $code"
id=$(printf '%s' "$location" | sed -n 's#^.*/declarations/\([0-9][0-9]*\)/edit$#\1#p')
[ -n "$id" ] || die "POST /declarations redirected to '$location'"
request GET "/declarations/$id/edit" "$work/edit.html"
[ "$code" = 200 ] || die "GET /declarations/$id/edit: $code"
version_before=$(psql_db -c "select version from declaration where id = $id")
victim=$last_node
victim_pid=${node_pid[$victim]}
kill -9 "$victim_pid"
wait "$victim_pid" 2>/dev/null || true
unset "node_pid[$victim]"
info "kill -9 node $victim (pid $victim_pid), which served the edit page; the user goes on"
body=$(python3 scripts/lib/form-fields.py "$work/edit.html" declaration-form "overview=节点 $victim 被终止之后保存。")
request POST "/declarations/$id/edit" "$work/out.html" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-binary "$body"
save_code=$code
save_step=$step
[ "$code" = 302 ] || die "the save: $code (expected 302)"
request GET "${location#$lb}" "$work/saved.html"
saved_flash=$(grep -c 'alert-success' "$work/saved.html" || true)
request GET /todo "$work/todo.html"
[ "$code" = 200 ] || die "GET /todo: $code"
request GET /declarations "$work/list2.html"

# ------------------------------------------------------------------------------------------- 5. what was stored
version_after=$(psql_db -c "select version from declaration where id = $id")
revised=$(psql_db -c "select count(*) from audit_entry where action = 'declaration.revised' and subject_id = '$id'")
overview=$(psql_db -c "select overview from declaration where id = $id" 2>/dev/null || echo "?")
sessions=$(psql_db -c "select count(*) from spring_session where principal_name = '$USERNAME'")
session_bytes=$(psql_db -c "select coalesce(sum(octet_length(a.attribute_bytes)), 0) || ' bytes in ' || count(a.*)
  || ' attributes (' || coalesce(string_agg(a.attribute_name, ', ' order by a.attribute_name), '') || ')'
  from spring_session s join spring_session_attributes a on a.session_primary_id = s.primary_id
  where s.principal_name = '$USERNAME'")
echo
info "what the user saw and what was stored:"
echo "  every answer above came from a live node; the save (step $save_step) answered $save_code and its page showed the" \
     "'saved' message: $( [ "$saved_flash" -gt 0 ] && echo yes || echo no )"
echo "  still signed in after the kill: $( grep -q 'shell-logout' "$work/list2.html" && echo yes || echo NO )" \
     "(the last page has the 退出 form); sessions of $USERNAME in PostgreSQL: $sessions"
echo "  declaration $id: version $version_before before the save, $version_after after (stored once:" \
     "$( [ "$version_after" = $((version_before + 1)) ] && echo yes || echo NO )); declaration.revised audit entries: $revised"
echo "  overview now: $overview"
echo "  the user's session in PostgreSQL: $session_bytes"
echo "  nginx's error log on the dead node:"
grep -o 'connect() failed.*upstream: "[^"]*"' "$work/nginx/logs/error.log" | sed 's/, client: [^,]*, server: [^,]*//; s/^/    /' | head -n 5
[ "$version_after" = $((version_before + 1)) ] && [ "$revised" = 1 ] || die "the save was not stored exactly once"
grep -q 'shell-logout' "$work/list2.html" || die "the user was not signed in after the kill"
info "OK"
