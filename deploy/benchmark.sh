#!/usr/bin/env bash
# The correspondence benchmark (reported, not a timed test), in one run on this machine:
#   1. N registered correspondences through the real service (API, database, every step, tokens,
#      evidence) to the archive, the driver playing senders, recipients and the operator: once on the
#      embedded database (H2 file) and once on PostgreSQL; correspondences/s and the latency of the
#      submission acceptance (median, p99), and the processor time of one correspondence (server, of it
#      the JIT compiler, database, driver);
#   2. the same cryptographic work without the service, on every core: the crypto bound;
#   3. the ratio of 1 to 2.
#   deploy/benchmark.sh                           # build, N=500 correspondences, C=16 concurrent workers
#   SKIP_BUILD=1 N=1000 C=32 deploy/benchmark.sh
# Other settings: WARMUP (correspondences before the measured ones, 3000: the server's JIT compiler works
# on its hot code for minutes; after 1000 the server still needed about half as much time again per
# correspondence as after 4000), CONTENT_BYTES (4096), CRYPTO_WARMUP and CRYPTO_SECONDS (15 and 30),
# UNTIL (ARCHIVED; SUBMITTED stops each correspondence at its submission acceptance), PORT (first port
# tried for the server, 18383), PG_PORT (55493).
#
# Servers, PostgreSQL and their data live in a temporary folder removed at the end; logs and results are
# kept in target/benchmark/. Needs the Debian "postgresql" package (as deploy/test.sh).
#
# Configuration for the run, not a product default: the cap on text messages per number and hour
# (SECURITY-BASELINE 6, default 10) is raised to 100000, since every virtual user receives a code for
# each correspondence it sends or accepts.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
n=${N:-500}
c=${C:-16}
warmup=${WARMUP:-3000}
content=${CONTENT_BYTES:-4096}
until=${UNTIL:-ARCHIVED}
jar=$root/benchmark/target/domicile-benchmark.jar
results=$root/target/benchmark

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building Domicile..."
  mvn -q -B -DskipTests install
fi
for need in "$jar" deploy/target/payara-micro.jar deploy/target/domicile.war; do
  [ -f "$need" ] || { echo "Missing $need: build first (without SKIP_BUILD=1)." >&2; exit 1; }
done

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

work=$(mktemp -d "${TMPDIR:-/tmp}/domicile-benchmark.XXXXXX")
chmod 755 "$work"   # PostgreSQL runs as its own user and must reach its folder
rm -rf "$results"
mkdir -p "$results"
runner=""
server=""
pg_started=""

stop_server() {
  # run.sh stops its server on TERM; the direct kill covers a runner that is already gone.
  [ -n "$runner" ] && kill "$runner" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "$runner" ] && wait "$runner" 2>/dev/null || true
  if [ -n "$server" ]; then
    while kill -0 "$server" 2>/dev/null; do sleep 0.2; done
  fi
  runner=""
  server=""
}
cleanup() {
  stop_server
  [ -n "$pg_started" ] && deploy/local-postgres.sh stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT

# start_server NAME [VAR=value...]: a fresh server on its own data folder, waits until it answers.
start_server() {
  local name=$1
  shift
  port=$(free_port "${PORT:-18383}")
  local log=$results/$name-server.log
  echo "Starting the server ($name) on port $port (log: $log)..."
  env "$@" DOMICILE_DATA_DIR="$work/$name" PORT="$port" SKIP_BUILD=1 DOMICILE_SMS_PER_NUMBER_PER_HOUR=100000 \
    deploy/run.sh >"$log" 2>&1 &
  runner=$!
  for _ in $(seq 1 180); do
    if ! kill -0 "$runner" 2>/dev/null; then
      echo "The server did not start:" >&2
      tail -40 "$log" >&2
      return 1
    fi
    server=$(pgrep -P "$runner" java || true)
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null \
        && curl -fsS -o /dev/null "http://127.0.0.1:$port/index.xhtml" 2>/dev/null; then
      if grep -q SEVERE "$log"; then
        echo "Warning: the server log has SEVERE entries (see $log)." >&2
      fi
      return 0
    fi
    sleep 1
  done
  echo "The server is not ready after 180 s (see $log)." >&2
  return 1
}

# drive NAME LABEL [OPTION VALUE...]: the service driver against the running server; its exit code
# (pipefail: the driver's). The server's process id lets it report the processor time of a correspondence.
drive() {
  local name=$1 label=$2
  shift 2
  java -cp "$jar" org.domicile.benchmark.ServiceDriver --url "http://127.0.0.1:$port" ${server:+--server-pid "$server"} "$@" \
    --outbox "$work/$name/outbox/sms.jsonl" --server-log "$results/$name-server.log" \
    --correspondences "$n" --concurrency "$c" --warmup "$warmup" --content-bytes "$content" --until "$until" \
    --label "$label" --result "$results/$name.result" 2>&1 | tee "$results/$name-driver.log"
}

# Other work on the machine lowers every figure: say so rather than report it as the service's.
busy() {
  awk -v cores="$(nproc)" '{ if ($1 > cores / 2) printf "Warning: the machine is busy (load average %s on %d cores): figures will be low.\n", $1, cores }' /proc/loadavg >&2
}

h2_status=0
pg_status=0
busy

echo
echo "==== 1a. Through the service, embedded database (H2 file)"
if start_server h2; then
  drive h2 "embedded H2" || h2_status=$?
else
  h2_status=1
fi
stop_server

echo
echo "==== 1b. Through the service, PostgreSQL"
if [ "$h2_status" = 3 ]; then
  echo "Skipped: the server lacks an endpoint the run needs (see above)."
  pg_status=3
else
  pg_port=$(free_port "${PG_PORT:-55493}")
  pg_url=$(deploy/local-postgres.sh start "$work/pg" "$pg_port")
  pg_started=1
  echo "PostgreSQL: $pg_url"
  if start_server postgresql DOMICILE_DB_URL="$pg_url" DOMICILE_DB_DRIVER=org.postgresql.ds.PGSimpleDataSource \
      DOMICILE_DB_USER=domicile DOMICILE_DB_PASSWORD=domicile; then
    drive postgresql PostgreSQL --database-pid "$(head -n 1 "$work/pg/postmaster.pid")" || pg_status=$?
  else
    pg_status=1
  fi
  stop_server
  deploy/local-postgres.sh stop "$work/pg"
  pg_started=""
fi

echo
echo "==== 2. The crypto bound: the same cryptographic work without the service"
busy
crypto_status=0
java -cp "$jar" org.domicile.benchmark.CryptoBound --warmup "${CRYPTO_WARMUP:-15}" --duration "${CRYPTO_SECONDS:-30}" \
  --content-bytes "$content" --result "$results/crypto.result" 2>&1 | tee "$results/crypto.log" || crypto_status=$?

# value FILE NAME: a figure from a result file, or "-" when there is none.
value() {
  [ -f "$1" ] && sed -n "s/^$2=//p" "$1" | grep . || echo "-"
}
# ratio SERVICE BOUND: the service's share of the bound; only whole correspondences compare with it.
ratio() {
  [ "$until" = ARCHIVED ] || { echo "-"; return; }
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.0f %%", 100 * a / b }'
}
number() {
  awk -v a="$1" 'BEGIN { if (a == "-") print "-"; else printf "%.1f", a }'
}

bound=$(value "$results/crypto.result" per_second)
echo
echo "==== 3. Summary ($(nproc) cores; $content-byte text, 1 recipient; N=$n, C=$c, until $until)"
printf '  %-30s %14s %16s %12s %14s %16s\n' "" "corr./s" "submission p50" "p99 (ms)" "of the bound" "CPU ms / corr."
for name in h2 postgresql; do
  file=$results/$name.result
  label=$([ "$name" = h2 ] && echo "service, embedded H2" || echo "service, PostgreSQL")
  status=$([ "$name" = h2 ] && echo "$h2_status" || echo "$pg_status")
  per_second=$(value "$file" per_second)
  note=""
  [ "$status" != 0 ] && note="  (failed: see $results/$name-driver.log)"
  printf '  %-30s %14s %16s %12s %14s %16s%s\n' "$label" "$(number "$per_second")" \
    "$(number "$(value "$file" submission_p50_ms)")" "$(number "$(value "$file" submission_p99_ms)")" \
    "$(ratio "$per_second" "$bound")" "$(number "$(value "$file" cpu_total_ms)")" "$note"
done
printf '  %-30s %14s %16s %12s %14s %16s\n' "crypto bound (all cores)" "$(number "$bound")" "" "" "" \
  "$(number "$(value "$results/crypto.result" cpu_ms_each)")"
echo "  CPU ms / corr.: processor time of one correspondence, server + database + driver (the bound: its own"
echo "  process); the details, with the server's JIT compiler, are in each driver log."
echo "  Target (2 cores, 4 KB, 1 recipient, PostgreSQL): >= 100 corr./s, >= 50 % of the bound, submission p99 <= 200 ms."
echo "  Logs and results: $results"

[ "$h2_status" = 0 ] && [ "$pg_status" = 0 ] && [ "$crypto_status" = 0 ]
