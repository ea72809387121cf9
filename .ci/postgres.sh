#!/usr/bin/env bash
# Throwaway PostgreSQL server on loopback for the store tests (Debian's packages).
#
#   pg_env="$(bash .ci/postgres.sh start)" && eval "$pg_env"   # prints export lines on stdout
#   bash .ci/postgres.sh stop "$GAITLENS_TEST_PG_DIR"            # stops it and removes its files
#
# start: installs the `postgresql` package with apt-get when no server binaries are found (root only),
# creates a data directory under /tmp (owned by the `postgres` user when run as root: initdb refuses root),
# starts the server on 127.0.0.1 on the first free port from 55432 (or $GAITLENS_PG_PORT), creates a user with
# a random password and a database, and prints
#   export GAITLENS_TEST_PG_URL=jdbc:postgresql://127.0.0.1:PORT/gaitlens_test?user=...&password=...
#   export GAITLENS_TEST_PG_DIR=/tmp/gaitlens-pg.XXXXXX
# Everything else goes to stderr.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/pg_ctl" && -x "$d/initdb" && -x "$d/postgres" ]]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

# Runs a command as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local bindir
  if ! bindir="$(find_bindir)"; then
    if [[ $EUID -ne 0 ]]; then
      log "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin and not root: apt-get install postgresql"
      exit 1
    fi
    log "installing PostgreSQL (apt-get install postgresql) ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bindir="$(find_bindir)" || { log "postgresql installed but no pg_ctl found"; exit 1; }
  fi
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    log "user 'postgres' missing (the postgresql package creates it)"
    exit 1
  fi

  local port="${GAITLENS_PG_PORT:-55432}" tries=0
  while port_in_use "$port"; do
    port=$((port + 1)); tries=$((tries + 1))
    if (( tries > 50 )); then log "no free port from ${GAITLENS_PG_PORT:-55432}"; exit 1; fi
  done

  local dir
  dir="$(mktemp -d /tmp/gaitlens-pg.XXXXXX)"
  chmod 700 "$dir"
  if [[ $EUID -eq 0 ]]; then chown postgres: "$dir"; fi
  local password
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

  log "initdb in $dir (server $bindir)"
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # Loopback only; the unix socket lives in the throwaway folder, not in /var/run/postgresql.
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=100" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  local psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres)
  as_owner "${psql[@]}" -c "CREATE ROLE gaitlens LOGIN PASSWORD '$password'" >&2
  as_owner "${psql[@]}" -c "CREATE DATABASE gaitlens_test OWNER gaitlens" >&2
  log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port (data $dir)"
  echo "export GAITLENS_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/gaitlens_test?user=gaitlens&password=$password'"
  echo "export GAITLENS_TEST_PG_DIR='$dir'"
}

stop() {
  local dir="${1:-${GAITLENS_TEST_PG_DIR:-}}"
  if [[ -z "$dir" || ! -d "$dir" ]]; then
    log "stop: no server folder given (or it is gone): ${dir:-<none>}"
    return 0
  fi
  case "$dir" in
    /tmp/gaitlens-pg.*) ;;
    *) log "stop: refusing to remove $dir (not a folder this script made)"; exit 1 ;;
  esac
  local bindir
  if bindir="$(find_bindir)" && [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || log "pg_ctl stop failed"
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
