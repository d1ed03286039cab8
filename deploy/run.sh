#!/usr/bin/env bash
# Runs Domicile on its embedded default: file database and keys under ./data, SMS to the local
# outbox (http://localhost:8080/outbox), no outside account. Builds what is needed first.
#   deploy/run.sh                      # port 8080, data in ./data
#   PORT=9090 DOMICILE_DATA_DIR=/srv/domicile deploy/run.sh
# Every setting can be given as an environment variable (see README, "Configuration").
# Instances share nothing but the database and the key store, so several can run side by side
# (deploy/cluster.sh); no Hazelcast cluster is formed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${PORT:-8080}
export DOMICILE_DATA_DIR=${DOMICILE_DATA_DIR:-$root/data}
export DOMICILE_PUBLIC_URL=${DOMICILE_PUBLIC_URL:-http://localhost:$port}
mkdir -p "$DOMICILE_DATA_DIR"

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building Domicile (first time: downloads dependencies, a few minutes)..."
  mvn -q -B -DskipTests install
fi

# 200 from a path, with bash alone (a fresh machine need not have curl).
answers() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  local status
  read -r -t 5 _ status _ <&3 || status=""
  exec 3<&- 3>&-
  [ "$status" = "200" ]
}
# Payara answers /health/ready before the application is deployed: a page must answer too.
ready() { answers /health/ready && answers /index.xhtml; }

# The collector, chosen on measurement (README, "Configuration"): the embedded database lives in the
# server's heap, and there the parallel collector costs about a quarter less processor time per
# correspondence than G1 (the JDK's default); with PostgreSQL it saves nothing, and G1 pauses less.
if [ -z "${DOMICILE_DB_URL:-}" ]; then default_opts="-Xmx1g -XX:+UseParallelGC"; else default_opts="-Xmx1g"; fi
java ${JAVA_OPTS:-$default_opts} -jar deploy/target/payara-micro.jar \
  --deploy deploy/target/domicile.war:/ --port "$port" --nocluster --disablephonehome \
  --rootdir "$DOMICILE_DATA_DIR/server-$port" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' INT TERM

for _ in $(seq 1 180); do
  if ! kill -0 $server 2>/dev/null; then echo "Domicile did not start (see the log above)." >&2; exit 1; fi
  if ready; then
    echo
    echo "Domicile is ready: http://localhost:$port/"
    echo "  text messages (local outbox): http://localhost:$port/outbox"
    echo "  data folder: $DOMICILE_DATA_DIR   (Ctrl+C stops the server)"
    break
  fi
  sleep 1
done
wait $server
