#!/usr/bin/env bash
# Makes a PostgreSQL streaming-replication hot standby of the local primary (127.0.0.1:5432) on another loopback port
# (127.0.0.1:5433, Debian cluster "<version> replica"), the way the packaged tools do it: pg_createcluster for the
# configuration, pg_basebackup -R for the data (which writes standby.signal and primary_conninfo), pg_ctlcluster to
# run it. Idempotent: a second run reuses the standby, starting it when it is stopped, and rebuilds it only when it
# is not a standby or cannot stream from the primary any more. Must run as root (or the postgres user).
# Prints nothing on stdout but the standby's port, so callers can do PORT=$(.ci/replica.sh): every tool it runs
# writes to stderr (pg_ctlcluster prints notes such as "Removed stale pid file." on stdout).
set -euo pipefail

PRIMARY_PORT=${MAPPER_PRIMARY_PORT:-5432}
REPLICA_PORT=${MAPPER_REPLICA_PORT:-5433}
NAME=replica
VERSION=${PG_VERSION:-$(ls /etc/postgresql | sort -V | tail -1)}
DATA=/var/lib/postgresql/$VERSION/$NAME

log() { printf '[replica] %s\n' "$*" >&2; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
primary() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -tAc "$1"; }
standby() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -tAc "$1"; }

# The primary must allow streaming: wal_level replica or logical, WAL senders, and a replication line in pg_hba.conf.
restart_primary=false
if [ "$(primary 'SHOW wal_level')" = minimal ]; then
  log "primary: wal_level=replica"; primary "ALTER SYSTEM SET wal_level = 'replica'" >/dev/null; restart_primary=true
fi
if [ "$(primary 'SHOW max_wal_senders')" -lt 2 ]; then
  log "primary: max_wal_senders=10"; primary "ALTER SYSTEM SET max_wal_senders = 10" >/dev/null; restart_primary=true
fi
if $restart_primary; then
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" main restart >&2
fi
HBA=$(primary 'SHOW hba_file')
if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$HBA"; then
  log "primary: allowing replication connections from 127.0.0.1 in $HBA"
  printf 'host replication all 127.0.0.1/32 trust\n' >>"$HBA"
  primary 'SELECT pg_reload_conf()' >/dev/null
fi

cluster_exists() { pg_lsclusters -h | awk -v v="$VERSION" -v n="$NAME" '$1 == v && $2 == n { found = 1 } END { exit !found }'; }
cluster_online() { pg_lsclusters -h | awk -v v="$VERSION" -v n="$NAME" '$1 == v && $2 == n && $4 ~ /online/ { found = 1 } END { exit !found }'; }
streaming() { [ "$(standby "SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming'" 2>/dev/null)" = 1 ]; }

wait_streaming() {
  for _ in $(seq 1 30); do
    if streaming; then return 0; fi
    sleep 0.5
  done
  return 1
}

build() {
  if cluster_exists; then
    log "dropping the unusable standby cluster $VERSION/$NAME"
    pg_dropcluster --stop "$VERSION" "$NAME" >&2
  fi
  log "creating cluster $VERSION/$NAME on 127.0.0.1:$REPLICA_PORT"
  pg_createcluster "$VERSION" "$NAME" -p "$REPLICA_PORT" >/dev/null
  mkdir -p "/etc/postgresql/$VERSION/$NAME/conf.d"
  printf "listen_addresses = '127.0.0.1'\nhot_standby = on\nhot_standby_feedback = on\n" \
    >"/etc/postgresql/$VERSION/$NAME/conf.d/mapper-standby.conf"
  # Clients reach the standby as they reach the primary (trust on the loopback address, like CI's primary).
  cp "$HBA" "/etc/postgresql/$VERSION/$NAME/pg_hba.conf"
  # The cluster's own files are replaced by a base backup of the primary; -R makes it a standby of it.
  rm -rf "${DATA:?}"/*
  log "pg_basebackup -R from 127.0.0.1:$PRIMARY_PORT"
  as_postgres pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DATA" -R -X stream -c fast >&2
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" start >&2
}

if ! cluster_exists || [ ! -f "$DATA/standby.signal" ]; then
  build
elif ! cluster_online; then
  log "starting the existing standby $VERSION/$NAME"
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" start >&2 || true
fi

if ! wait_streaming; then
  # Stopped too long ago: the primary recycled the WAL it needed (no replication slot keeps WAL on the primary).
  log "the standby does not stream from the primary; rebuilding it"
  build
  wait_streaming || { log "the standby on port $REPLICA_PORT does not stream; see /var/log/postgresql/postgresql-$VERSION-$NAME.log"; exit 1; }
fi
if [ "$(standby 'SELECT pg_is_in_recovery()')" != t ]; then
  log "the cluster on port $REPLICA_PORT is not in recovery"; exit 1
fi
log "hot standby streaming on 127.0.0.1:$REPLICA_PORT"
echo "$REPLICA_PORT"
