#!/usr/bin/env bash
# Backs up one perf database with pg_dump's custom format (compressed, restorable table by table, in parallel).
#
# Usage: scripts/backup.sh DATABASE [OUTPUT_FILE]
#   OUTPUT_FILE defaults to $BACKUP_DIR/DATABASE-<UTC timestamp>.dump (BACKUP_DIR defaults to ./backups).
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass); defaults 127.0.0.1:5432,
# user postgres. Writes OUTPUT_FILE.sha256 beside the dump; restore.sh checks it. Prints the file, its size and the
# time taken. The dump is consistent (one snapshot) and does not block the application's reads or writes.
# Exit status: 0 on success, non-zero on any error (a partial file is removed).
set -euo pipefail
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

db=${1:?usage: scripts/backup.sh DATABASE [OUTPUT_FILE]}
[[ "$db" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "backup.sh: not a plain database name: '$db'" >&2; exit 2; }
out=${2:-${BACKUP_DIR:-./backups}/$db-$(date -u +%Y%m%dT%H%M%SZ).dump}
mkdir -p "$(dirname "$out")"

start=$(date +%s.%N)
if ! pg_dump --format=custom --compress=6 --no-password --file="$out.partial" "$db"; then
  rm -f "$out.partial"
  echo "backup.sh: pg_dump of $db failed" >&2
  exit 1
fi
mv "$out.partial" "$out"
(cd "$(dirname "$out")" && sha256sum "$(basename "$out")" >"$(basename "$out").sha256")
secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "backup.sh: $db -> $out ($(du -h "$out" | cut -f1), ${secs} s, sha256 $(cut -c1-16 "$out.sha256")…)"
