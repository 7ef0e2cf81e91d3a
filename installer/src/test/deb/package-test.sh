#!/usr/bin/env bash
# Tests the Debian package on this machine, for real: dpkg -i, files, service user, unit
# (systemd-analyze verify), the service started by hand as its user (systemd is not PID 1 in a
# container), the status page over TLS trusted by the system store and by a fresh Chromium
# profile of an existing user, an upgrade that keeps an edited setting, data and the CA, and a
# purge that removes it all. Needs root; changes the system (package, users, trust, /etc/hosts)
# and undoes it. Usage: package-test.sh installer/target/libreconnect_<version>_amd64.deb
set -euo pipefail

deb="$(readlink -f "$1")"
home=/var/lib/libreconnect
dist=/usr/lib/libreconnect
user=lcdebuser
passed=0
failed=0

if [ "$(id -u)" != 0 ]; then
  echo "package-test: skipped, needs root (dpkg -i, useradd)"
  exit 0
fi
if dpkg -s libreconnect >/dev/null 2>&1; then
  echo "package-test: libreconnect is already installed on this machine; not touching it" >&2
  exit 1
fi
work="$(mktemp -d)"
chmod 755 "$work"
master_pid=""

cleanup() {
  [ -n "$master_pid" ] && kill "$master_pid" 2>/dev/null || true
  dpkg --purge libreconnect >/dev/null 2>&1 || true
  userdel -r "$user" >/dev/null 2>&1 || true
  rm -rf "/tmp/hsperfdata_$user"   # the JVMs run as the user leave their perf-data folder behind
  rm -rf "$work"
}
trap cleanup EXIT

check() { # check "what" command...
  local what="$1"; shift
  if "$@" >"$work/check.out" 2>&1; then
    passed=$((passed + 1)); echo "  ok   $what"
  else
    failed=$((failed + 1)); echo "  FAIL $what"; sed 's/^/       /' "$work/check.out" | tail -20
  fi
}

ca_in_user_nssdb() {
  runuser -u "$user" -- certutil -L -d "sql:/home/$user/.pki/nssdb" -n "$1" >/dev/null
}

# Starts the service's ExecStart as the service user, in a network namespace of its own (port
# 9982 of this machine may be in use), then runs $1 against it there.
with_service() {
  local script="$1"
  unshare --net bash -c "
    set -e
    ip link set lo up 2>/dev/null || true
    runuser -u libreconnect -- env LIBRECONNECT_HOME=$home $dist/bin/libreconnect --home $home >$work/service.out 2>&1 &
    pid=\$!
    trap 'kill \$pid 2>/dev/null; wait \$pid 2>/dev/null || true' EXIT
    for i in \$(seq 1 120); do
      curl -s -o /dev/null https://localhost.icanopee.net:9982/health && break
      kill -0 \$pid || { echo 'service exited'; cat $work/service.out; exit 1; }
      sleep 0.5
    done
    $script
  "
}

echo "package-test: $deb"
useradd -m -s /bin/bash "$user"

started=$SECONDS
echo "install"
check "dpkg -i installs the package" dpkg -i "$deb"
echo "       ($((SECONDS - started)) s)"
check "service user is a system account without a login shell" \
  bash -c "getent passwd libreconnect | awk -F: '\$3 < 1000 && \$6 == \"$home\" && \$7 ~ /nologin/' | grep -q ."
check "bundled runtime runs (no system Java needed)" $dist/runtime/bin/java -version
check "admin tool on the PATH" bash -c "libreconnect-admin --help | grep -q 'certificate ensure'"
check "home is the service user's only" bash -c "stat -c '%U %a' $home | grep -qx 'libreconnect 700'"
check "configuration written, owner-only" bash -c "stat -c '%U %a' $home/libreconnect.xml | grep -qx 'libreconnect 600'"
check "per-installation CA and server certificate" test -s $home/tls/ca.crt
check "CA in the system trust store" bash -c "ls /usr/local/share/ca-certificates/ | grep -qi libreconnect"
check "host name maps to loopback" bash -c "getent hosts localhost.icanopee.net | grep -q '^127.0.0.1'"
check "CA in the existing user's NSS database" ca_in_user_nssdb "LibreConnect local CA"
check "user's NSS database still owned by the user" bash -c "test -z \"\$(find /home/$user/.pki ! -user $user)\""
check "systemd-analyze verify accepts the unit" systemd-analyze verify /usr/lib/systemd/system/libreconnect.service
check "unit restarts on failure and is hardened" bash -c "grep -qx 'Restart=on-failure' /usr/lib/systemd/system/libreconnect.service \
  && grep -qx 'ProtectSystem=strict' /usr/lib/systemd/system/libreconnect.service && grep -qx 'NoNewPrivileges=yes' /usr/lib/systemd/system/libreconnect.service"
check "service enabled for multi-user.target" test -L /etc/systemd/system/multi-user.target.wants/libreconnect.service
check "polkit lets the service user reach pcscd" test -s /usr/share/polkit-1/rules.d/60-libreconnect.rules
check "systemd-analyze verify accepts the unit with the terminal-server drop-in" bash -c "
  dropins=/etc/systemd/system/libreconnect.service.d
  install -D -m 644 /usr/share/libreconnect/terminal-server.conf \$dropins/terminal-server.conf
  out=\$(systemd-analyze verify /usr/lib/systemd/system/libreconnect.service 2>&1); status=\$?
  rm -rf \$dropins
  echo \"\$out\"
  [ \$status = 0 ] && ! grep -q terminal-server.conf <<<\"\$out\""

echo "service (ExecStart as the service user; systemd is not PID 1 here)"
started=$SECONDS
check "status page answers on 9982, trusted by the system store and by a fresh Chromium profile" with_service "
  curl -sS --fail https://localhost.icanopee.net:9982/status.json > $work/status.json
  profile=\$(runuser -u $user -- mktemp -d)
  runuser -u $user -- timeout 60 chromium --headless --no-sandbox --disable-gpu --user-data-dir=\$profile \
    --dump-dom https://localhost.icanopee.net:9982/ > $work/page.html 2>$work/chromium.err
  grep -q '<title>LibreConnect status (master)</title>' $work/page.html || { echo 'Chromium did not show the status page'; head -c 600 $work/page.html; tail -5 $work/chromium.err; exit 1; }
  # [o]: the pattern must not match this very script's command line.
  master=\$(pgrep -f -- '[o]rg.libreconnect.master.MasterMain --home $home' | head -1)
  [ -n \"\$master\" ] || { echo 'no master process'; exit 1; }
  stat -c %U /proc/\$master | grep -qx libreconnect || { echo 'the master does not run as libreconnect'; exit 1; }"
echo "       ($((SECONDS - started)) s)"
check "master logs under the home" test -s $home/logs/service.log
check "status.json names the build" grep -Eq '"build" *: *"(dev|production)"' "$work/status.json"

echo "upgrade"
ca_before="$(sha256sum $home/tls/ca.crt)"
sed -i 's|<port>9982</port>|<port>9982</port><!-- edited by the administrator -->|' $home/libreconnect.xml
runuser -u libreconnect -- mkdir -p $home/data/persistent
runuser -u libreconnect -- sh -c "echo kept > $home/data/persistent/marker"
mkdir "$work/newer"
dpkg-deb -R "$deb" "$work/newer/root"
sed -i 's/^Version: .*/Version: 99.0.0/' "$work/newer/root/DEBIAN/control"
dpkg-deb -b -Zgzip -z1 "$work/newer/root" "$work/newer/libreconnect_99.0.0_amd64.deb" >/dev/null
check "dpkg -i of a newer package upgrades" dpkg -i "$work/newer/libreconnect_99.0.0_amd64.deb"
check "version is the newer one" bash -c "dpkg-query -W -f='\${Version}' libreconnect | grep -qx 99.0.0"
check "edited configuration kept" grep -q 'edited by the administrator' $home/libreconnect.xml
check "data kept" grep -qx kept $home/data/persistent/marker
check "CA kept" bash -c "test \"\$(sha256sum $home/tls/ca.crt)\" = \"$ca_before\""
check "trust still in place" ca_in_user_nssdb "LibreConnect local CA"

echo "purge"
check "dpkg --purge removes the package" dpkg --purge libreconnect
check "configuration, data and certificate removed" test ! -e $home
check "program removed" test ! -e $dist
check "service user removed" bash -c "! getent passwd libreconnect"
check "CA gone from the system store" bash -c "! ls /usr/local/share/ca-certificates/ | grep -qi libreconnect"
check "CA gone from the user's NSS database" bash -c "! runuser -u $user -- certutil -L -d sql:/home/$user/.pki/nssdb | grep -qi libreconnect"
check "hosts entry removed" bash -c "! grep -q 'added by LibreConnect' /etc/hosts"

echo "package-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
