#!/usr/bin/env bash
# Runs every test: Java unit tests (Surefire), end-to-end tests with real processes (Failsafe),
# the JavaScript client library's tests (Node's test runner), and the browser tests (Debian's
# Chromium driven by playwright-core against the built distribution), and the Debian package
# (built with -Pdeb, installed, upgraded and purged on this machine: installer/src/test/deb).
# Installs what the tests need when it is missing (Debian packages: run as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-packages.sh
JAVA_HOME="$(scripts/java-home.sh)"
export JAVA_HOME
echo "Using JDK at $JAVA_HOME"
./mvnw -B verify -Pdeb "$@"

echo "Debian package (dpkg -i, service, upgrade, purge on this machine)"
installer/src/test/deb/package-test.sh installer/target/libreconnect_*_amd64.deb

echo "JavaScript client library (clients/js)"
(cd clients/js && npm ci --no-audit --no-fund --loglevel=error && npm run --silent check)

echo "Browser tests (browser-tests: Debian's Chromium against the built distribution)"
(cd browser-tests && npm ci --no-audit --no-fund --loglevel=error && npm test)
