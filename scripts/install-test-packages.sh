#!/usr/bin/env bash
# Installs, when missing, the Debian packages the test suite uses: the PC/SC daemon with the
# virtual reader driver, OpenSC and SoftHSM2 (the real smart-card stack of the card tests);
# Chromium and certutil (libnss3-tools) for the browser tests and the trust-store commands; the
# CUPS daemon and client for the virtual printer test (which runs a cupsd of its own); Xvfb for
# the supervisor test (SupervisorXvfbIT); systemd (systemd-analyze), init-system-helpers and
# iproute2 for the Debian package test; haproxy for the server mode's load-balancing test
# (ServerModeHaproxyIT runs an instance of its own); curl, which runs the server mode's printed
# command line (ServerModeIT, ServerLauncherIT); a C++ toolchain, python3 and the PC/SC headers
# (libpcsclite-dev) to compile the native add-ons of webcrypto-local, the peer SoftHsmSignBenchmark
# compares with (benchmarks/webcrypto-local), and Node's headers when the node found lacks them.
set -euo pipefail

packages=(pcscd libpcsclite1 vsmartcard-vpcd pcsc-tools opensc softhsm2 procps chromium libnss3-tools tinyproxy chrony faketime cups-daemon cups-client xvfb systemd init-system-helpers iproute2 haproxy curl g++ make python3 libpcsclite-dev)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
# Debian's nodejs keeps its headers in libnode-dev (NodeSource's build ships them itself)
[ -f /usr/include/node/node.h ] || missing+=(libnode-dev)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing packages (${missing[*]}) and no apt-get: install them by hand." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing test packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# tinyproxy, chrony and haproxy start system services on install; the tests run their own
# instances (scripts/net-stack.sh, ServerModeHaproxyIT) on loopback ports.
for service in tinyproxy chrony haproxy; do
  $sudo systemctl disable --now "$service" >/dev/null 2>&1 || true
done
