#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: $JAVA_HOME when it qualifies, else the newest one
# under /usr/lib/jvm (Linux) or /Library/Java/JavaVirtualMachines (macOS). Exits 1 when none.
set -euo pipefail

java_major() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  echo "${v%%.*}"
}

qualifies() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1")" -ge 21 ] 2>/dev/null
}

if [ -n "${JAVA_HOME:-}" ] && qualifies "$JAVA_HOME"; then
  echo "$JAVA_HOME"
  exit 0
fi

best="" best_major=0
for dir in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -d "$dir" ] || continue
  if qualifies "$dir"; then
    major=$(java_major "$dir")
    if [ "$major" -gt "$best_major" ]; then best="$dir" best_major=$major; fi
  fi
done

if [ -z "$best" ]; then
  echo "No JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm). Install one and set JAVA_HOME." >&2
  exit 1
fi
echo "$best"
