#!/usr/bin/env bash
# Network stack of the DMP tests, all on loopback, started and stopped by the tests:
#   - tinyproxy: an HTTP proxy (CONNECT) with basic authentication;
#   - chronyd: an NTP server that never touches the system clock (-x), serving local time
#     shifted by an offset (through libfaketime) so tests can date requests from a skewed source.
#
# Usage:
#   net-stack.sh install
#   net-stack.sh start-proxy  STATE_DIR PORT LOGIN PASSWORD
#   net-stack.sh start-ntp    STATE_DIR PORT OFFSET_SECONDS
#   net-stack.sh stop         STATE_DIR          (stops what STATE_DIR started)
# Each start prints the pid and returns once the service answers. Needs the Debian packages
# tinyproxy, chrony and faketime (install-test-packages.sh installs them).
set -euo pipefail

die() { echo "net-stack: $*" >&2; exit 1; }

install() {
  local missing=()
  for package in tinyproxy chrony faketime; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The packages start system services; the tests run their own instances only.
  for service in tinyproxy chrony; do
    $sudo systemctl disable --now "$service" >/dev/null 2>&1 || true
  done
}

wait_tcp() { # port
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

start_proxy() { # dir port login password
  local dir=$1 port=$2 login=$3 password=$4
  mkdir -p "$dir"
  local conf="$dir/tinyproxy.conf"
  {
    echo "Port $port"
    echo "Listen 127.0.0.1"
    echo "Timeout 120"
    echo "MaxClients 50"
    echo "Allow 127.0.0.1"
    echo "BasicAuth $login $password"
    echo "LogLevel Info"
    echo "LogFile \"$dir/tinyproxy.log\""
    echo "PidFile \"$dir/tinyproxy.pid\""
    [ "$(id -u)" -eq 0 ] && echo "User root" && echo "Group root"
  } >"$conf"
  tinyproxy -d -c "$conf" >>"$dir/tinyproxy.out" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/proxy.pid"
  wait_tcp "$port" || { kill "$pid" 2>/dev/null; die "tinyproxy did not start: $(tail -5 "$dir/tinyproxy.out")"; }
  echo "$pid"
}

ntp_answers() { # port
  python3 - "$1" <<'PY'
import socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
s.sendto(b'\x23' + 47 * b'\0', ('127.0.0.1', int(sys.argv[1])))
data, _ = s.recvfrom(512)
stratum = data[1]
secs = struct.unpack('!I', data[40:44])[0]
print(stratum, secs - 2208988800)
sys.exit(0 if 0 < stratum < 16 else 1)
PY
}

start_ntp() { # dir port offset
  local dir=$1 port=$2 offset=$3
  mkdir -p "$dir"
  local conf="$dir/chrony.conf"
  cat >"$conf" <<CONF
port $port
bindaddress 127.0.0.1
allow 127.0.0.1
local stratum 8
cmdport 0
pidfile $dir/chronyd.pid
driftfile $dir/chrony.drift
CONF
  local sign="+"
  [[ "$offset" == -* ]] && sign=""
  local lib
  lib=$(dpkg -L libfaketime 2>/dev/null | grep -m1 '/libfaketime.so.1$') || die "libfaketime is missing (package faketime)"
  # Preloaded directly (not through the faketime wrapper) so that the recorded pid is chronyd's.
  LD_PRELOAD="$lib" FAKETIME="${sign}${offset}s" FAKETIME_DONT_RESET=1 \
    chronyd -x -d -f "$conf" >>"$dir/chronyd.out" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/ntp.pid"
  for _ in $(seq 1 100); do
    if ntp_answers "$port" >/dev/null 2>&1; then
      echo "$pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "chronyd exited: $(tail -5 "$dir/chronyd.out")"
    sleep 0.2
  done
  kill "$pid" 2>/dev/null
  die "chronyd did not answer on port $port: $(tail -5 "$dir/chronyd.out")"
}

stop() { # dir
  local dir=$1
  for file in "$dir/proxy.pid" "$dir/ntp.pid"; do
    [ -f "$file" ] || continue
    local pid
    pid=$(cat "$file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$file"
  done
}

case "${1:-}" in
  install) install ;;
  start-proxy) [ $# -eq 5 ] || die "usage: start-proxy DIR PORT LOGIN PASSWORD"; start_proxy "$2" "$3" "$4" "$5" ;;
  start-ntp) [ $# -eq 4 ] || die "usage: start-ntp DIR PORT OFFSET_SECONDS"; start_ntp "$2" "$3" "$4" ;;
  ntp-query) ntp_answers "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: stop DIR"; stop "$2" ;;
  *) die "usage: $0 install | start-proxy DIR PORT LOGIN PASSWORD | start-ntp DIR PORT OFFSET | ntp-query PORT | stop DIR" ;;
esac
