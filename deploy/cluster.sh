#!/usr/bin/env bash
# Runs several Domicile instances side by side on one PostgreSQL database (production shape).
#   deploy/cluster.sh 2            # instances on 8080, 8081, ... ; Ctrl+C stops them all
# Needs DOMICILE_DB_URL (and user/password) in the environment, e.g. from deploy/env/postgresql.env.
# The instances share the database and the key store folder (DOMICILE_DATA_DIR); each request can
# go to any instance: sessions live in the database, the API uses bearer tokens, and browser
# sessions need a sticky load balancer in front. The first instance starts alone so that it
# creates the keys of a new installation before the others read them.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2}
: "${DOMICILE_DB_URL:?set DOMICILE_DB_URL (see deploy/env/postgresql.env)}"
export DOMICILE_DB_DRIVER=${DOMICILE_DB_DRIVER:-org.postgresql.ds.PGSimpleDataSource}
export DOMICILE_DATA_DIR=${DOMICILE_DATA_DIR:-$(pwd)/data}
base=${PORT:-8080}
[ "${SKIP_BUILD:-}" = "1" ] || mvn -q -B -DskipTests install
mkdir -p "$DOMICILE_DATA_DIR"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
for i in $(seq 0 $((count - 1))); do
  port=$((base + i))
  log="$DOMICILE_DATA_DIR/instance-$port.log"
  SKIP_BUILD=1 PORT=$port deploy/run.sh > "$log" 2>&1 &
  pids+=($!)
  # run.sh prints this line once the application answers.
  until grep -q "Domicile is ready" "$log" 2>/dev/null; do
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "instance on port $port did not start; see $log" >&2; exit 1; }
    sleep 1
  done
  echo "instance $((i + 1)) ready: http://localhost:$port/  (log: $log)"
done
wait
