#!/usr/bin/env bash
# Proves that a backup restores: fills a fresh database with the demo data (the application itself, started once),
# backs it up with scripts/backup.sh, restores the dump into a new database with scripts/restore.sh, and compares the
# row count of every table of the two databases; then checks the restored audit log's hash chain with the
# application's own check (--perf.audit.verify). Exit 0 when every count matches and the chain is intact.
#
# Usage: bash scripts/backup-restore-check.sh        (needs java 17, curl, psql, pg_dump, pg_restore)
# Settings: CHECK_PGHOST=127.0.0.1 CHECK_PGPORT=5432 CHECK_PGADMIN=postgres, CHECK_DB=perf_backup_check (the source;
# the copy is <CHECK_DB>_restored), CHECK_PORT=18190. Both databases and the dump are removed at the end
# (CHECK_KEEP=1 keeps them). Output also in target/backup-restore-check.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PGHOST=${CHECK_PGHOST:-127.0.0.1} PGPORT=${CHECK_PGPORT:-5432} PGUSER=${CHECK_PGADMIN:-postgres}
DB=${CHECK_DB:-perf_backup_check}
COPY=${DB}_restored
PORT=${CHECK_PORT:-18190}
JAR=perf-web/target/perf-web-exec.jar

mkdir -p "$root/target"
exec > >(tee "$root/target/backup-restore-check.txt") 2>&1
die() { echo "ERROR: $*" >&2; exit 1; }
info() { echo "[$(date +%H:%M:%S)] $*"; }
for tool in java curl psql pg_dump pg_restore sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

work=$(mktemp -d)
app_pid=""
cleanup() {
  local rc=$?
  set +e
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  if [ "${CHECK_KEEP:-0}" != 1 ]; then
    psql -X -q -d postgres -c "drop database if exists $DB with (force)" -c "drop database if exists $COPY with (force)"
    rm -rf "$work"
  else
    info "kept: databases $DB and $COPY, dump in $work"
  fi
  exit $rc
}
trap cleanup EXIT

if [ ! -f "$JAR" ]; then
  info "building $JAR"
  ./mvnw -o -B -ntp -q package -DskipTests -pl perf-web -am
fi
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)" \
  -c "drop database if exists $COPY with (force)" -c "create database $DB"

# 1. the demo database, as the application makes it (migrations, demo data, signed PDFs of the approved seeds),
#    with a signed-in session in it
info "filling $DB: the application with the demo data (port $PORT)"
PERF_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" PERF_DB_USER="$PGUSER" PERF_DB_PASSWORD="${PGPASSWORD:-}" \
  PERF_DEMO_DATA=true PERF_PORT=$PORT java -Xmx512m -jar "$JAR" >"$root/target/backup-restore-check-app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
  kill -0 "$app_pid" 2>/dev/null || die "the application exited (target/backup-restore-check-app.log)"
  curl -s --max-time 2 "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"' && break
  sleep 0.5
done
jar="$work/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 \
  | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=filer-001239" --data-urlencode "password=Demo@2026" \
  --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"
for _ in $(seq 1 60); do   # the backfill signs the approved seeds a few seconds after start-up
  [ "$(psql -X -t -A -d "$DB" -c "select count(*) from declaration_signed_pdf")" -gt 0 ] && break
  sleep 1
done
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
info "application stopped; $DB holds the demo data"

# 2. back up, restore into a new database
bash scripts/backup.sh "$DB" "$work/$DB.dump"
bash scripts/restore.sh "$work/$DB.dump" "$COPY"

# 3. every table's row count, side by side
tables=$(psql -X -t -A -d "$DB" -c "select quote_ident(table_name) from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")
count_sql() { local sql="" t; for t in $tables; do sql+="select '$t', count(*) from $t union all "; done; echo "${sql% union all }"; }
psql -X -t -A -F $'\t' -d "$DB" -c "$(count_sql)" | sort >"$work/source.tsv"
psql -X -t -A -F $'\t' -d "$COPY" -c "$(count_sql)" | sort >"$work/copy.tsv"
echo
printf "  %-34s %18s %18s\n" "table" "$DB" "$COPY"
join -t $'\t' -a1 -a2 -e MISSING -o 0,1.2,2.2 "$work/source.tsv" "$work/copy.tsv" | while IFS=$'\t' read -r t a b; do
  printf "  %-34s %18s %18s %s\n" "$t" "$a" "$b" "$( [ "$a" = "$b" ] && echo "" || echo "  DIFFERENT")"
done
echo
n_tables=$(wc -l <"$work/source.tsv")
rows=$(awk -F'\t' '{ s += $2 } END { print s }' "$work/source.tsv")
cmp -s "$work/source.tsv" "$work/copy.tsv" || die "row counts differ between $DB and $COPY"
info "all $n_tables tables have the same row count in the copy ($rows rows in all)"

# 4. the restored audit log still verifies (hash chain, sequence without gaps)
info "checking the restored audit log's hash chain (java -jar … --perf.audit.verify)"
set +e
PERF_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$COPY" PERF_DB_USER="$PGUSER" PERF_DB_PASSWORD="${PGPASSWORD:-}" \
  java -Xmx512m -jar "$JAR" --perf.audit.verify >"$work/verify.txt" 2>&1
verify=$?
grep '审计日志' "$work/verify.txt" | sed 's/^/  /'
set -e
[ "$verify" = 0 ] || die "the restored audit log does not verify (exit $verify)"
info "OK: backup restored, $n_tables tables with equal row counts, audit chain intact"
