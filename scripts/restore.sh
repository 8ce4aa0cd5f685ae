#!/usr/bin/env bash
# Restores a dump made by scripts/backup.sh into a NEW database (never over an existing one).
#
# Usage: scripts/restore.sh DUMP_FILE NEW_DATABASE
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD); defaults 127.0.0.1:5432, user postgres.
# Checks DUMP_FILE.sha256 when present, creates NEW_DATABASE, restores with pg_restore (--exit-on-error,
# --no-owner: the objects belong to the restoring role; RESTORE_JOBS parallel jobs, default 2) and prints the
# Flyway version it carries. Point the application at it with PERF_DB_URL=jdbc:postgresql://host:port/NEW_DATABASE.
# Exit status: 0 on success; on failure the half-restored database is dropped.
set -euo pipefail
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

dump=${1:?usage: scripts/restore.sh DUMP_FILE NEW_DATABASE}
db=${2:?usage: scripts/restore.sh DUMP_FILE NEW_DATABASE}
[[ "$db" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "restore.sh: not a plain database name: '$db'" >&2; exit 2; }
[ -f "$dump" ] || { echo "restore.sh: no such file: $dump" >&2; exit 2; }
if [ -f "$dump.sha256" ]; then
  (cd "$(dirname "$dump")" && sha256sum --quiet -c "$(basename "$dump").sha256") \
    || { echo "restore.sh: $dump does not match its checksum" >&2; exit 1; }
fi
exists=$(psql -X -q -t -A --no-password -d postgres -c "select 1 from pg_database where datname = '$db'")
[ -z "$exists" ] || { echo "restore.sh: database $db exists; restore into a new one" >&2; exit 2; }

start=$(date +%s.%N)
psql -X -q --no-password -v ON_ERROR_STOP=1 -d postgres -c "create database \"$db\""
if ! pg_restore --no-password --exit-on-error --no-owner --jobs="${RESTORE_JOBS:-2}" --dbname="$db" "$dump"; then
  echo "restore.sh: pg_restore failed; dropping the half-restored $db" >&2
  psql -X -q --no-password -d postgres -c "drop database if exists \"$db\" with (force)" || true
  exit 1
fi
psql -X -q --no-password -d "$db" -c "analyze" >/dev/null
version=$(psql -X -q -t -A --no-password -d "$db" \
  -c "select max(version::int) from flyway_schema_history where success" 2>/dev/null || echo "?")
secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "restore.sh: $dump -> database $db (schema version V$version, ${secs} s)"
