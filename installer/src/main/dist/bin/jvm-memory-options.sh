#!/usr/bin/env bash
# Prints the JVM options that hand the native memory a JVM freed after its start back to the
# system (docs/performance.md): -XX:TrimNativeHeapInterval, on Linux with a JDK 22 or newer only;
# the same rule as the workers' (NativeHeapTrim, which JvmMemoryOptionsScriptTest holds this script to).
# Usage: jvm-memory-options.sh JAVA_HOME
set -euo pipefail
feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)"
if [ "$(uname -s)" = Linux ] && [ "${feature:-0}" -ge 22 ]; then
  echo "-XX:TrimNativeHeapInterval=2000"
fi
