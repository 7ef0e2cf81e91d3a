#!/usr/bin/env bash
# Builds webcrypto-local (the engine of Fortify: a WebSocket server signing with PKCS#11 tokens, and
# its client) from its public sources into the folder given, with this folder's harness
# (server.ts, client.ts) that SoftHsmSignBenchmark drives. Nothing of webcrypto-local is kept in
# this repository: its sources come from a clone of https://github.com/PeculiarVentures/webcrypto-local
# at the commit below, its dependencies from the npm registry (package-lock.json), and the two
# native add-ons (pkcs11js, pcsclite) are compiled here against Node's own headers.
#
#   prepare.sh <build folder>
#
# WEBCRYPTO_LOCAL_SOURCE: a clone (or bare git directory) of that repository; by default the
# snapshot of public repositories beside the project (../.mirror/PeculiarVentures+webcrypto-local/repo).
# WEBCRYPTO_LOCAL_COMMIT: the commit built. Exit status 3 when the sources are not there.
# A build whose inputs did not change is kept (.stamp).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:?usage: prepare.sh <build folder>}"
source="${WEBCRYPTO_LOCAL_SOURCE:-$root/../.mirror/PeculiarVentures+webcrypto-local/repo}"
commit="${WEBCRYPTO_LOCAL_COMMIT:-5f228ec6a9a5f5390753286fc1319336a2714d6b}"

if [ -d "$source/.git" ]; then
  git_dir="$source/.git"
elif [ -f "$source/HEAD" ] && [ -d "$source/objects" ]; then
  git_dir="$source"
else
  echo "webcrypto-local sources not found at $source (set WEBCRYPTO_LOCAL_SOURCE to a clone of https://github.com/PeculiarVentures/webcrypto-local)" >&2
  exit 3
fi
if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
  echo "webcrypto-local commit $commit is not in $source (fetch it, or set WEBCRYPTO_LOCAL_COMMIT)" >&2
  exit 3
fi

stamp="$( (echo "$commit"; cat "$here"/package.json "$here"/package-lock.json "$here"/tsconfig.json \
  "$here"/server.ts "$here"/client.ts "$0"; node --version) | sha256sum | cut -d' ' -f1)"
if [ -f "$build/.stamp" ] && [ "$(cat "$build/.stamp")" = "$stamp" ]; then
  exit 0
fi

rm -rf "$build"
mkdir -p "$build/src"
git --git-dir="$git_dir" archive "$commit" packages tsconfig.compile.json LICENSE.md | tar -x -C "$build/src"
cp "$here"/package.json "$here"/package-lock.json "$here"/tsconfig.json "$here"/server.ts "$here"/client.ts "$build/"
cd "$build"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
headers=()
[ -f /usr/include/node/node.h ] && headers=(--nodedir=/usr)
for addon in pkcs11js pcsclite; do
  if ! (cd "node_modules/$addon" && ../.bin/node-gyp rebuild "${headers[@]}" --loglevel=warn) > "node-gyp-$addon.log" 2>&1; then
    cat "node-gyp-$addon.log" >&2
    exit 1
  fi
done
echo "$stamp" > .stamp
