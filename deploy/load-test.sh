#!/usr/bin/env bash
# Measures complete office logins (password + trust check + SMS, code from the outbox, code check +
# session open, logout) on the embedded default, with the benchmark module's LoginLoad as the client.
#   deploy/load-test.sh                          # build if needed, 20 users, 20 concurrent, 30 s
#   SKIP_BUILD=1 USERS=40 CONCURRENCY=40 DURATION=60 deploy/load-test.sh
# It starts its own server on 127.0.0.1:$PORT (default 18282) with a fresh data folder under
# target/load-test/, prints the server's heap and resident memory after the load, and stops it.
#
# Configuration for the run, not a product default: the cap on text messages per number and
# hour (SECURITY-BASELINE 6, default 10) is raised to 100000, since every virtual user logs in
# on the same number many times a minute. The driver never asks for a resend, so the resend
# cooldown stays as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${PORT:-18282}
work=$root/target/load-test
data=$work/data
log=$work/server.log

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building Domicile..."
  mvn -q -B -DskipTests install
fi
jar=$root/benchmark/target/domicile-benchmark.jar
if [ ! -f "$jar" ]; then
  echo "The load driver is not built ($jar); run without SKIP_BUILD=1." >&2
  exit 1
fi

rm -rf "$work"
mkdir -p "$data"
if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/live" 2>/dev/null; then
  echo "Port $port is already in use by a running server; stop it or set PORT." >&2
  exit 1
fi

echo "Starting the server on port $port (log: $log)..."
DOMICILE_DATA_DIR=$data PORT=$port SKIP_BUILD=1 \
  DOMICILE_SMS_PER_NUMBER_PER_HOUR=100000 \
  deploy/run.sh >"$log" 2>&1 &
runner=$!
server=""
stop() {
  # run.sh stops its server on TERM; the direct kill covers a runner that is already gone.
  kill "$runner" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
}
trap stop EXIT

for _ in $(seq 1 180); do
  if ! kill -0 "$runner" 2>/dev/null; then
    echo "The server did not start:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  server=$(pgrep -P "$runner" java || true)
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then
    break
  fi
  sleep 1
done
if ! curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready"; then
  echo "The server is not ready after 180 s." >&2
  exit 1
fi
if grep -q SEVERE "$log"; then
  echo "Warning: the server log has SEVERE entries (see $log)." >&2
fi
echo "Server ready (pid $server)."
echo

java -cp "$jar" org.domicile.benchmark.LoginLoad --url "http://127.0.0.1:$port" --outbox "$data/outbox/sms.jsonl" \
  --users "${USERS:-20}" --concurrency "${CONCURRENCY:-20}" --duration "${DURATION:-30}" --warmup "${WARMUP:-5}"

echo
echo "Server after the load (pid $server):"
jcmd "$server" GC.heap_info 2>&1 | sed 's/^/  /'
rss_kb=$(ps -o rss= -p "$server" | tr -d ' ')
echo "  resident memory: $((rss_kb / 1024)) MB"
if grep -q SEVERE "$log"; then
  echo "  SEVERE entries in the server log: $(grep -c SEVERE "$log") (see $log)"
fi
