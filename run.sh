#!/usr/bin/env bash
# Runs the connector in simulation mode (virtual CPS card, DMP training simulator).
# Builds first when needed, then prints the status-page URL. Stop it with Ctrl-C.
#   ./run.sh                   simulation home in ./.run-home
#   LIBRECONNECT_HOME=DIR ./run.sh   another home (its libreconnect.xml decides the mode)
#   ./run.sh server            the server mode (REST on 9979) in simulation mode, home ./.run-server-home;
#                              prints a ready-to-run curl command (docs/server-mode.md)
set -euo pipefail
cd "$(dirname "$0")"

JAVA_HOME="$(scripts/java-home.sh)"
export JAVA_HOME
dist=installer/target/libreconnect

needs_build() {
  [ -d "$dist/lib" ] || return 0
  [ -n "$(find . -path ./installer/target -prune -o -path ./.git -prune -o -path '*/node_modules' -prune \
      -o \( -name '*.java' -o -name 'pom.xml' -o -path './installer/src/*' -o -path '*/src/main/resources/*' \) \
      -newer "$dist/lib" -print -quit)" ]
}

if needs_build; then
  echo "Building LibreConnect (first run, or the sources changed)..."
  ./mvnw -q -B -DskipTests -DskipITs install
  touch "$dist/lib"
fi

if [ "${1:-}" = "server" ]; then
  shift
  home="${LIBRECONNECT_HOME:-$PWD/.run-server-home}"
  mkdir -p "$home"
  if [ ! -f "$home/libreconnect.xml" ]; then
    cat > "$home/libreconnect.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by run.sh server: the server mode in simulation mode (simulated DMP, test
     establishment certificate, a test caller whose token is printed at start).
     See docs/server-mode.md. -->
<libreconnect>
  <simulation><enabled>true</enabled></simulation>
  <rest_server>
    <ip>127.0.0.1</ip>
    <port>9979</port>
  </rest_server>
</libreconnect>
XML
  fi
  exec bash "$dist/bin/libreconnect-server" --home "$home" --simulation "$@"
fi

home="${LIBRECONNECT_HOME:-$PWD/.run-home}"
mkdir -p "$home"
if [ ! -f "$home/libreconnect.xml" ]; then
  cat > "$home/libreconnect.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by run.sh: simulation mode for trying LibreConnect without a card or network.
     See docs/config/libreconnect.example.xml for every setting. -->
<libreconnect>
  <server>
    <port>9982</port>
    <allowed_origins>
      <!-- Local development pages on any port. -->
      <origin>http://localhost:*</origin>
      <origin>http://127.0.0.1:*</origin>
      <origin>https://localhost:*</origin>
    </allowed_origins>
  </server>
  <simulation><enabled>true</enabled></simulation>
</libreconnect>
XML
fi
exec bash "$dist/bin/libreconnect" --home "$home" "$@"
