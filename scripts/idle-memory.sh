#!/usr/bin/env bash
# Memory of the built distribution at rest, as ./run.sh runs it (simulation mode): starts it in a
# scratch home twice (the first start's workers write the class archive when they stop), waits
# until the pre-started worker has rehearsed, prints RSS and PSS of the master and of each idle
# worker, and stops it. Needs the distribution (./mvnw -DskipTests -DskipITs install) and port
# 9982 free. Usage: scripts/idle-memory.sh [seconds to wait after start, default 25]
set -euo pipefail
cd "$(dirname "$0")/.."
wait_seconds="${1:-25}"
home="$(mktemp -d)"
trap 'pkill -KILL -f "libreconnect.home=$home" 2>/dev/null || true; rm -rf "$home"' EXIT

kb() { awk -v key="$2" '$1 == key { print $2 }' "$1"; }

for round in first second; do
  LIBRECONNECT_HOME="$home" setsid ./run.sh > "$home.run.log" 2>&1 &
  sleep "$wait_seconds"
  if [ "$round" = second ]; then
    master="$(pgrep -f "libreconnect.home=$home.*MasterMain" | head -1)"
    echo "master pid=$master rss=$(( $(kb /proc/$master/status VmRSS:) / 1024 )) MB pss=$(( $(kb /proc/$master/smaps_rollup Pss:) / 1024 )) MB"
    for worker in $(pgrep -f "libreconnect.home=$home.*WorkerMain"); do
      echo "idle worker pid=$worker rss=$(( $(kb /proc/$worker/status VmRSS:) / 1024 )) MB" \
        "pss=$(( $(kb /proc/$worker/smaps_rollup Pss:) / 1024 )) MB" \
        "pss_anon=$(( $(kb /proc/$worker/smaps_rollup Pss_Anon:) / 1024 )) MB"
    done
    grep -h "worker.warmup.dmp" "$home"/logs/sessions/*/*.log 2>/dev/null | tail -1 | sed 's/^.*worker\.warmup/worker.warmup/' || true
  fi
  pkill -TERM -f "libreconnect.home=$home.*MasterMain" || true
  for _ in $(seq 60); do pgrep -f "libreconnect.home=$home" > /dev/null || break; sleep 1; done
done
rm -f "$home.run.log"
