#!/usr/bin/env bash
# sweep_loops.sh — the long run of the loop differential test.
#
# For each seed in [FIRST, FIRST + COUNT), generates a program with
# test/codegen/Inputs/gen_loops.py and checks it with the e2e harness
# (serial build against the rewritten one at 1, 2 and 4 threads, g++ and
# clang++). CI runs a fixed few seeds (test/codegen/fuzz-loops.cpp); this
# runs many. Prints each failing seed and keeps its files in WORK.
#
#   bench/fuzz/sweep_loops.sh [-s FIRST] [-n COUNT] [-b BUILD_DIR] [-w WORK]
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
first=100 count=50 build=${PURECC_BUILD_DIR:-$repo/build} work=$(mktemp -d)
while getopts "s:n:b:w:" opt; do
  case $opt in
    s) first=$OPTARG ;;
    n) count=$OPTARG ;;
    b) build=$OPTARG ;;
    w) work=$OPTARG ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
  esac
done
mkdir -p "$work"
cmake --build "$build" --target purecc purecc_rt_static > /dev/null || exit 2
# The runtime's link line as the lit tests use it (the shared cache adds
# hiredis and libcrypto): a hand-written copy went stale and failed every seed.
libs=$(sed -n 's/^config.rt_link_libs = "\(.*\)"$/\1/p' "$build/test/lit.site.cfg.py")
[ -n "$libs" ] || { echo "sweep_loops: no rt_link_libs in $build/test/lit.site.cfg.py" >&2; exit 2; }
rt="$build/runtime/libpurecc_rt.a $libs"
failed=0
for ((seed = first; seed < first + count; seed++)); do
  src=$work/loops$seed.cpp
  python3 "$repo/test/codegen/Inputs/gen_loops.py" "$seed" > "$src"
  if ! bash "$repo/test/codegen/Inputs/e2e.sh" "$build/frontend/purecc" g++-12 clang++-19 \
      "$repo/runtime/include" "$rt" "$src" "$work/loops$seed" > /dev/null 2> "$work/loops$seed.log"; then
    echo "seed $seed: $(tail -1 "$work/loops$seed.log")"
    failed=$((failed + 1))
  else
    rm -f "$work/loops$seed".*
  fi
done
echo "$failed of $count seeds failed (files in $work)"
[ "$failed" = 0 ]
