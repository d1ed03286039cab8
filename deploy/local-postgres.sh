#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL on loopback for the test suite and the benchmarks.
#   deploy/local-postgres.sh start DIR PORT   -> prints the JDBC URL; database "domicile", user "domicile"
#   deploy/local-postgres.sh stop DIR
# Needs the Debian "postgresql" package (initdb, pg_ctl). PostgreSQL refuses to run as root,
# so as root the server runs as the "postgres" system user.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?data folder}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] && command -v pg_ctl >/dev/null; then bindir=$(dirname "$(command -v pg_ctl)"); fi
[ -n "$bindir" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    chmod 700 "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_pg "'$bindir/initdb' -D '$dir' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    as_pg "'$bindir/pg_ctl' -D '$dir' -l '$dir/server.log' -w -t 60 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=on\" start" >/dev/null
    as_pg "'$bindir/psql' -h 127.0.0.1 -p $port -U postgres -d postgres -tAc \"SELECT 1 FROM pg_roles WHERE rolname='domicile'\"" | grep -q 1 \
      || as_pg "'$bindir/psql' -q -h 127.0.0.1 -p $port -U postgres -d postgres -c \"CREATE ROLE domicile LOGIN PASSWORD 'domicile'\" -c \"CREATE DATABASE domicile OWNER domicile\""
    echo "jdbc:postgresql://127.0.0.1:$port/domicile"
    ;;
  reset)
    port=${3:?port}
    as_pg "'$bindir/psql' -q -h 127.0.0.1 -p $port -U postgres -d postgres -c 'DROP DATABASE IF EXISTS domicile' -c 'CREATE DATABASE domicile OWNER domicile'"
    ;;
  stop)
    [ -f "$dir/PG_VERSION" ] && as_pg "'$bindir/pg_ctl' -D '$dir' -m fast -w stop" >/dev/null || true
    ;;
  *) echo "usage: $0 start|reset|stop DIR [PORT]" >&2; exit 2 ;;
esac
