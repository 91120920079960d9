#!/usr/bin/env bash
# run.sh — the one command of issue 7: purecc's output side by side with the
# serial program, hand-written OpenMP and TBB (bench/suite/), with speedup
# plots and the compile-time comparison, written to bench/results/.
#
#   bench/run.sh [--quick] [-- extra options of bench/suite/run_suite.py]
#     --quick        small sizes, 3 runs: checks the whole pipeline in minutes
#     (default)      the issue's sizes (fib(40), nqueens(13), 1e8 sin terms...), 5 runs
#   Environment: BUILD_DIR (default <repo>/build-bench), CXX (default g++).
#   Extra options: --runs N, --programs fib,uts, --wait-idle SECONDS, --max-threads N
#
# Installs what the suite needs from Debian when missing (gnuplot-nox for the
# plot, libtbb-dev for the TBB variants; as root, idempotent), configures and
# builds `purecc` and the runtime in BUILD_DIR, then runs the suite. Exits
# non-zero if any variant's result differs from serial.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$repo/build-bench}
args=()
for a in "$@"; do
  case $a in
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) args+=("$a") ;;
  esac
done

need=()
command -v gnuplot >/dev/null || need+=(gnuplot-nox)
[ -f /usr/include/oneapi/tbb/task_group.h ] || need+=(libtbb-dev)
command -v clang++-19 >/dev/null || need+=(clang-19)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "bench/run.sh: missing Debian packages: ${need[*]} (run as root, or install them)" >&2
    exit 2
  fi
  echo "bench/run.sh: installing ${need[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >&2
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
fi
ninja -C "$build" -j2 purecc purecc_rt_static >&2

PYTHONDONTWRITEBYTECODE=1 exec python3 "$repo/bench/suite/run_suite.py" --build "$build" "${args[@]}"
