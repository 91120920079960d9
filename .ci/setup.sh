#!/usr/bin/env bash
# Shared set-up for the README's commands: installs what is missing (Debian 12
# packages, as root, no tty), configures and builds purecc into build/.
# Idempotent: a second run installs nothing and rebuilds only what changed.
#   bash .ci/setup.sh            # deps + configure + build everything
#   PURECC_BUILD_DIR=dir ...     # build elsewhere (default: <repo>/build)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PURECC_BUILD_DIR:-$repo/build}

packages=(
  g++ cmake ninja-build pkg-config python3 make
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 llvm-19-tools libomp-19-dev
  libfmt-dev libxxhash-dev libsqlite3-dev sqlite3 libgtest-dev libbenchmark-dev
  libtbb-dev libhiredis-dev libssl-dev redis-server openmpi-bin libopenmpi-dev python3-clang-19
  slurmd slurmctld slurm-client munge
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "purecc setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "purecc setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DPURECC_WERROR=ON
fi
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)"
