#!/usr/bin/env bash
# Memory of the built distribution serving many applications at once (simulation mode): starts
# it in a scratch home (twice: the first start's workers write the class archive when they stop),
# opens one session for each of N applications (one worker each) through POST /api/hl_openSession,
# waits until the machine is quiet, and prints the sum of the RSS and of the PSS of the master and
# of every worker (PSS counts shared pages once in all). Needs the distribution
# (./mvnw -DskipTests -DskipITs install) and port 9982 free.
# Usage: scripts/many-applications-memory.sh [applications, default 50] [shared_class_data, default
# true] [fixed_class_data_address, default false]
set -euo pipefail
cd "$(dirname "$0")/.."
applications="${1:-50}"
shared="${2:-true}"
fixed_address="${3:-false}"
home="$(mktemp -d)"
trap 'pkill -KILL -f "libreconnect.home=$home" 2>/dev/null || true; rm -rf "$home"' EXIT
cat > "$home/libreconnect.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<libreconnect>
  <server>
    <port>9982</port>
    <max_workers>$((applications + 4))</max_workers>
    <shared_class_data>$shared</shared_class_data>
    <fixed_class_data_address>$fixed_address</fixed_class_data_address>
    <allowed_origins><origin>http://localhost:*</origin></allowed_origins>
  </server>
  <simulation><enabled>true</enabled></simulation>
</libreconnect>
XML
kb() { awk -v key="$2" '$1 == key { print $2 }' "$1" 2>/dev/null || echo 0; }
api() {
  curl -s --cacert "$home/tls/ca.crt" --resolve localhost.icanopee.net:9982:127.0.0.1 \
    -H 'Origin: http://localhost:8080' -H 'Content-Type: application/json' \
    -d "$2" "https://localhost.icanopee.net:9982/api/$1"
}
await_health() {
  for _ in $(seq 120); do
    curl -s --cacert "$home/tls/ca.crt" --resolve localhost.icanopee.net:9982:127.0.0.1 \
      https://localhost.icanopee.net:9982/health > /dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the connector did not start" >&2
  return 1
}
stop() {
  pkill -TERM -f "libreconnect.home=$home.*MasterMain" || true
  for _ in $(seq 90); do pgrep -f "libreconnect.home=$home" > /dev/null || break; sleep 1; done
}

for round in first second; do
  LIBRECONNECT_HOME="$home" setsid ./run.sh > "$home.run.log" 2>&1 &
  await_health
  if [ "$round" = first ]; then
    api hl_openSession '{"s_commandName":"hl_openSession","s_applicationId":"archive","i_timeoutInSeconds":600}' > /dev/null
    sleep 15
    stop
    continue
  fi
  start=$(date +%s)
  for i in $(seq "$applications"); do
    answer="$(api hl_openSession "{\"s_commandName\":\"hl_openSession\",\"s_applicationId\":\"app-$i\",\"i_timeoutInSeconds\":600}")"
    case "$answer" in *'"s_status":"OK"'*) ;; *) echo "application $i: $answer" >&2; exit 1 ;; esac
  done
  echo "$applications sessions open after $(( $(date +%s) - start )) s"
  # quiet: the load average of the last minute under 0.5, or 3 minutes at most
  for _ in $(seq 180); do
    awk '{ exit !($1 < 0.5) }' /proc/loadavg && break
    sleep 1
  done
  master="$(pgrep -f "libreconnect.home=$home.*MasterMain" | head -1)"
  rss=$(kb /proc/$master/status VmRSS:); pss=$(kb /proc/$master/smaps_rollup Pss:); workers=0
  for worker in $(pgrep -f "libreconnect.home=$home.*WorkerMain"); do
    rss=$((rss + $(kb /proc/$worker/status VmRSS:))); pss=$((pss + $(kb /proc/$worker/smaps_rollup Pss:)))
    workers=$((workers + 1))
  done
  echo "master and $workers workers: RSS $((rss / 1024)) MB in all, PSS $((pss / 1024)) MB in all" \
    "($(( pss / 1024 / (workers > 0 ? workers : 1) )) MB PSS a worker, master included)"
  stop
done
rm -f "$home.run.log"
