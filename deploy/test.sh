#!/usr/bin/env bash
# Runs every test of Domicile: unit tests of every module, the container tests (Arquillian on
# Payara Micro) on the embedded database AND on PostgreSQL, and the browser tests (Selenium,
# headless Chromium). Starts a throw-away PostgreSQL on loopback for the run and stops it after.
# Needs: JDK 17, Maven, and the Debian packages postgresql, chromium, chromium-driver, openssl.
# Extra arguments go to Maven, e.g. deploy/test.sh -pl certification
set -euo pipefail
cd "$(dirname "$0")/.."

for need in java mvn openssl; do
  command -v "$need" >/dev/null || { echo "Missing: $need" >&2; exit 1; }
done
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
  || { echo "Missing: chromium and chromium-driver (apt-get install chromium chromium-driver)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/domicile-test.XXXXXX")
chmod 755 "$work"
port=${DOMICILE_TEST_PG_PORT:-55433}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
cleanup() {
  deploy/local-postgres.sh stop "$work/pg" || true
  rm -rf "$work"
  # Killed or finished container runs leave their runtime folders behind.
  rm -rf "${TMPDIR:-/tmp}"/arquillian-payara-micro* "${TMPDIR:-/tmp}"/payaramicro-rt* 2>/dev/null || true
}
trap cleanup EXIT
url=$(deploy/local-postgres.sh start "$work/pg" "$port")
echo "PostgreSQL for the tests: $url"

mvn -B clean verify -Ddomicile.test.pg.url="$url" "$@"
