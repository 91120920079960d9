#!/usr/bin/env bash
# run.sh — the long sweep of the mutation fuzzer of `purecc check` and
# `purecc rewrite` (test/fuzz/mutate.py; CI runs 16 mutants of seed 1).
#
#   bench/fuzz/run.sh [--seeds "1 2 3"] [--mutants N] [--jobs J]
#   Environment: BUILD_DIR (default <repo>/build).
#
# Failing mutants are kept in bench/results/fuzz/ with the mutation that made
# them in the file name (mutant-<seed>-<index>-<source>); each is one
# `purecc check <file> -- -std=c++20` away from a reproduction.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${BUILD_DIR:-$repo/build}
seeds="1 2 3 4 5 6 7 8"
mutants=200
jobs=$(nproc)
while [ $# -gt 0 ]; do
  case $1 in
    --seeds) seeds=$2; shift 2 ;;
    --mutants) mutants=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
status=0
for seed in $seeds; do
  python3 "$repo/test/fuzz/mutate.py" --purecc "$build/frontend/purecc" --corpus "$repo/test" \
    --rt-include "$repo/runtime/include" --seed "$seed" --mutants "$mutants" --jobs "$jobs" \
    --keep "$repo/bench/results/fuzz" || status=1
done
exit $status
