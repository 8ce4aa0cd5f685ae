#!/usr/bin/env bash
# Shared by scripts/fault-*.sh (issue 12, faults): a private PostgreSQL cluster, the app on it, logging in.
# Sourced, not run. Needs: the PostgreSQL 15 server binaries (initdb, pg_ctl), psql, java 17, curl, python3.
#
# The private cluster never touches the machine's own PostgreSQL (other test runs share it): its own data
# directory under $FAULT_WORK, its own port, its own socket directory, run as the postgres OS user when the
# script runs as root (PostgreSQL refuses to run as root).

PG_BIN=${FAULT_PG_BIN:-/usr/lib/postgresql/15/bin}
FAULT_PGUSER=postgres

info() { echo "[$(date +%H:%M:%S)] $*"; }
die() { echo "ERROR: $*" >&2; exit 1; }

free_port() {  # free_port <from> <to>
  local p
  for p in $(seq "$1" "$2"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

as_pg() {  # runs a PostgreSQL binary as the postgres OS user when we are root
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# pg_init <dir> <port>: a new cluster in <dir>/data, trust authentication on 127.0.0.1 only, socket in <dir>.
pg_init() {
  PG_DIR=$1 PG_PORT=$2
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$FAULT_PGUSER" --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; die "initdb failed"; }
  cat >>"$PG_DIR/data/postgresql.conf" <<CONF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DIR'
max_connections = 100
shared_buffers = 128MB
fsync = on
synchronous_commit = on
logging_collector = off
log_min_messages = warning
CONF
}

pg_ctl_() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" "$@"; }
pg_start() { pg_ctl_ -w -t 60 start >/dev/null || { tail -n 20 "$PG_DIR/server.log"; die "pg_ctl start failed"; }; }
pg_stop() { pg_ctl_ -w -t 60 -m "${1:-fast}" stop >/dev/null; }
pg_running() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; }

# psql against the private cluster; first argument the database
q() { local db=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$FAULT_PGUSER" -d "$db" "$@"; }

# app_start <jar> <db> <port> <log> [extra args...]: starts the app in the background, sets APP_PID
app_start() {
  local jar=$1 db=$2 port=$3 log=$4; shift 4
  # shellcheck disable=SC2086
  PERF_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" PERF_DB_USER="$FAULT_PGUSER" PERF_DEMO_DATA=true \
    PERF_PORT="$port" PERF_DATA_DIR="$FAULT_WORK/data" \
    java ${FAULT_JAVA_OPTS:--Xmx1g} -jar "$jar" "$@" >>"$log" 2>&1 &
  APP_PID=$!
}

# app_wait_up <port> <seconds>: waits until /actuator/health says UP; prints the seconds it took
app_wait_up() {
  local port=$1 max=$2 t0; t0=$(date +%s.%N)
  while :; do
    kill -0 "$APP_PID" 2>/dev/null || return 1
    if curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f\n", b - a }'
      return 0
    fi
    awk -v a="$t0" -v b="$(date +%s.%N)" -v m="$max" 'BEGIN { exit !(b - a > m) }' && return 1
    sleep 0.3
  done
}

app_stop() {  # a graceful stop of $APP_PID (SIGTERM, then SIGKILL after 30 s)
  [ -n "${APP_PID:-}" ] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null
    for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# The jar: $FAULT_JAR, else perf-web/target/perf-web-exec.jar (built when missing), copied so a rebuild cannot break
# the run.
fault_jar() {
  local jar=${FAULT_JAR:-perf-web/target/perf-web-exec.jar}
  if [ -n "${FAULT_JAR:-}" ] && [ ! -f "$jar" ]; then
    die "no jar $jar"
  fi
  if [ ! -f "$jar" ]; then
    info "building $jar"
    ./mvnw -B -ntp -q -DskipTests package -pl perf-web -am >&2 || die "the build failed"
  fi
  cp "$jar" "$FAULT_WORK/app.jar"
  echo "$FAULT_WORK/app.jar"
}
