#!/usr/bin/env bash
# Runs every test: unit tests (Surefire) and end-to-end tests with real processes (Failsafe).
# Installs the Debian packages the tests need when they are missing (run as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-packages.sh
JAVA_HOME="$(scripts/java-home.sh)"
export JAVA_HOME
echo "Using JDK at $JAVA_HOME"
exec ./mvnw -B verify "$@"
