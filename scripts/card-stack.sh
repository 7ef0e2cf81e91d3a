#!/usr/bin/env bash
# The real smart-card stack for tests, without systemd or udev: pcscd with the vsmartcard vpcd
# driver (virtual readers "Virtual PCD 00 00" on 127.0.0.1:35963 and "... 00 01" on :35964),
# OpenSC and SoftHSM2. The simulated CPS card connects to vpcd (VpcdCardMain or from Java).
#
# usage: card-stack.sh install | start-pcscd | stop-pcscd | status
#                      | start-card -cp CLASSPATH [VpcdCardMain options] | stop-card
#                      | start-vitale -cp CLASSPATH [VpcdCardMain options] | stop-vitale
#
#   install      apt-get the Debian packages when missing (root or sudo); quiet and idempotent
#   start-pcscd  run pcscd in the foreground, in the background, logging to $STATE/pcscd.log;
#                waits for /run/pcscd/pcscd.comm and the vpcd port. Exit 3 when a pcscd runs
#                already (this script's or another's): it never starts a second one.
#   stop-pcscd   stop the pcscd this script started (TERM, then KILL after 5 s)
#   status       exit 0 when pcscd runs, 3 when not; lists the readers
#   start-card   run the test doctor's card (org.libreconnect.simulator.card.VpcdCardMain, module
#                simulator-card: CLASSPATH must hold it and its dependencies) in
#                the background, logging to $STATE/card.log; waits until it reaches vpcd
#   stop-card    stop that card process (the card leaves the reader)
#   start-vitale the simulated Vitale test card (VpcdCardMain --vitale test --port 35964, in the
#                second reader "Virtual PCD 00 01"; later options win, e.g. --vitale demo), logging
#                to $STATE/vitale.log
#   stop-vitale  stop that Vitale card process
#
# STATE (default ${TMPDIR:-/tmp}/libreconnect-card-stack, or $CARD_STACK_STATE) holds the pid
# and log files; pcscd itself is one per machine. PCSCD_DEBUG=1 logs every APDU, PINs included:
# use it with test cards only.
set -euo pipefail

STATE=${CARD_STACK_STATE:-${TMPDIR:-/tmp}/libreconnect-card-stack}
RUN_DIR=/run/pcscd
SOCKET=$RUN_DIR/pcscd.comm
VPCD_CONF=/etc/reader.conf.d/vpcd
VPCD_PORT=35963
PACKAGES=(pcscd libpcsclite1 vsmartcard-vpcd pcsc-tools opensc softhsm2)

die() { echo "card-stack: $*" >&2; exit 1; }

# A process is alive when it exists and is not a zombie (PID 1 in containers may not reap).
alive() {
  local state
  [[ -n "${1:-}" && -r /proc/$1/stat ]] || return 1
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n "$state" && "$state" != Z ]]
}

# Pids of live pcscd processes, whoever started them.
pcscd_pids() {
  local dir pid
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [[ "$(cat "$dir/comm" 2>/dev/null)" == pcscd ]] && alive "$pid" && echo "$pid"
  done
  return 0
}

our_pid() {
  local pid
  [[ -f "$STATE/pcscd.pid" ]] || return 1
  pid=$(cat "$STATE/pcscd.pid")
  alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == pcscd ]] && echo "$pid"
}

# Whether something listens on TCP port $1 (from /proc, so that no probe connects to vpcd:
# a connection there is a card insertion).
listening() {
  local hex
  hex=$(printf '%04X' "$1")
  awk -v port=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == port { found = 1 } END { exit !found }' \
    /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# The pid of the card process recorded in $STATE/${1:-card}.pid, if that process is still our card.
card_pid() {
  local pid
  pid=$(cat "$STATE/${1:-card}.pid" 2>/dev/null) || return 1
  alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q VpcdCardMain && echo "$pid"
}

stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do alive "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do alive "$pid" || return 0; sleep 0.1; done
  return 1
}

install_packages() {
  local missing=() package sudo=""
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get: install them by hand"
  [[ "$(id -u)" -eq 0 ]] || sudo=sudo
  echo "card-stack: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# vpcd listens on fixed ports inside Linux's ephemeral range (32768-60999): a connection of
# another test may have been given one of them as its local port, and pcscd's vpcd then fails
# with "Address already in use". As root, the ports are kept out of the ephemeral range (a
# kernel setting until the next boot); in any case, a port still held by a closing connection is
# waited for (TIME_WAIT lasts 60 s).
free_vpcd_ports() {
  local reserved=/proc/sys/net/ipv4/ip_local_reserved_ports range="$VPCD_PORT-$((VPCD_PORT + 1))" current
  if [[ -w "$reserved" ]]; then
    current=$(cat "$reserved")
    case ",$current," in
      *",$range,"*) ;;
      *) echo "${current:+$current,}$range" >"$reserved" 2>/dev/null || true ;;
    esac
  fi
  command -v ss >/dev/null 2>&1 || return 0
  for _ in $(seq 1 130); do
    [[ -z "$(ss -Htan "( sport = :$VPCD_PORT or sport = :$((VPCD_PORT + 1)) )" 2>/dev/null)" ]] && return 0
    sleep 0.5
  done
  echo "card-stack: port $VPCD_PORT or $((VPCD_PORT + 1)) still in use after 65 s" >&2
}

start_pcscd() {
  local pid others
  command -v pcscd >/dev/null 2>&1 || die "pcscd is not installed (run: $0 install)"
  mkdir -p "$STATE"
  if pid=$(our_pid); then
    echo "card-stack: pcscd already running (pid $pid, started by this script)"
    exit 3
  fi
  others=$(pcscd_pids | tr '\n' ' ')
  if [[ -n "${others// /}" ]]; then
    echo "card-stack: another pcscd is running (pid ${others% }); not starting a second one"
    exit 3
  fi
  rm -f "$STATE/pcscd.pid"
  if [[ -e "$SOCKET" || -e "$RUN_DIR/pcscd.pid" ]]; then
    rm -f "$SOCKET" "$RUN_DIR/pcscd.pid"   # left behind by a killed pcscd
  fi
  [[ ! -f "$VPCD_CONF" ]] || free_vpcd_ports
  # Foreground mode keeps the log out of syslog; no --auto-exit: nothing would restart it.
  # shellcheck disable=SC2086
  nohup pcscd --foreground ${PCSCD_DEBUG:+--debug --apdu} </dev/null >"$STATE/pcscd.log" 2>&1 &
  pid=$!
  echo "$pid" >"$STATE/pcscd.pid"
  for _ in $(seq 1 100); do
    alive "$pid" || break
    if [[ -S "$SOCKET" ]] && { [[ ! -f "$VPCD_CONF" ]] || listening "$VPCD_PORT"; }; then
      echo "card-stack: pcscd started (pid $pid, log $STATE/pcscd.log)"
      return 0
    fi
    sleep 0.1
  done
  stop_pid "$pid" || true
  rm -f "$STATE/pcscd.pid"
  cat "$STATE/pcscd.log" >&2 || true
  die "pcscd did not become ready (socket $SOCKET, vpcd port $VPCD_PORT)"
}

stop_pcscd() {
  local pid
  if ! pid=$(our_pid); then
    rm -f "$STATE/pcscd.pid"
    echo "card-stack: no pcscd started by this script"
    return 0
  fi
  stop_pid "$pid" || die "pcscd (pid $pid) does not stop"
  rm -f "$STATE/pcscd.pid"
  if [[ -z "$(pcscd_pids)" ]]; then
    rm -f "$SOCKET" "$RUN_DIR/pcscd.pid"
  fi
  echo "card-stack: pcscd stopped"
}

status() {
  local pids pid
  pids=$(pcscd_pids | tr '\n' ' ')
  if [[ -z "${pids// /}" ]]; then
    echo "pcscd: stopped"
    return 3
  fi
  if pid=$(our_pid); then
    echo "pcscd: running (pid $pid, started by this script, log $STATE/pcscd.log)"
  else
    echo "pcscd: running (pid ${pids% }, not started by this script)"
  fi
  for port in 35963 35964; do
    listening "$port" && echo "vpcd: listening on port $port"
  done
  if command -v opensc-tool >/dev/null 2>&1; then
    timeout 5 opensc-tool -l 2>/dev/null || true
  fi
  if pid=$(card_pid); then
    echo "card: running (pid $pid, log $STATE/card.log)"
  fi
  if pid=$(card_pid vitale); then
    echo "vitale: running (pid $pid, log $STATE/vitale.log)"
  fi
  return 0
}

# start_card NAME -cp CLASSPATH [VpcdCardMain options]: NAME is "card" or "vitale" (pid and log).
start_card() {
  local pid name=$1
  shift
  mkdir -p "$STATE"
  [[ "${1:-}" == -cp && -n "${2:-}" ]] || die "usage: $0 start-$name -cp CLASSPATH [VpcdCardMain options]"
  local classpath=$2
  shift 2
  if [[ "$name" == vitale ]]; then
    set -- --vitale test --port 35964 "$@"
  fi
  if pid=$(card_pid "$name"); then
    echo "card-stack: $name already running (pid $pid)"
    exit 3
  fi
  nohup "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$classpath" org.libreconnect.simulator.card.VpcdCardMain "$@" \
    </dev/null >"$STATE/$name.log" 2>&1 &
  pid=$!
  echo "$pid" >"$STATE/$name.pid"
  for _ in $(seq 1 300); do
    grep -q '^card.ready' "$STATE/$name.log" 2>/dev/null && { grep '^card.ready' "$STATE/$name.log"; return 0; }
    alive "$pid" || break
    sleep 0.1
  done
  cat "$STATE/$name.log" >&2 || true
  die "the simulated $name did not connect to vpcd"
}

stop_card() {
  local pid name=$1
  if pid=$(card_pid "$name"); then
    stop_pid "$pid" || die "$name process (pid $pid) does not stop"
    echo "card-stack: $name stopped"
  fi
  rm -f "$STATE/$name.pid"
}

case "${1:-}" in
  install) install_packages ;;
  start-pcscd) start_pcscd ;;
  stop-pcscd) stop_pcscd ;;
  status) status ;;
  start-card) shift; start_card card "$@" ;;
  stop-card) stop_card card ;;
  start-vitale) shift; start_card vitale "$@" ;;
  stop-vitale) stop_card vitale ;;
  *) sed -n '2,26p' "$0" >&2; exit 2 ;;
esac
