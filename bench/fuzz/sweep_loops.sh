#!/usr/bin/env bash
# sweep_loops.sh — the long run of the loop differential test.
#
# For each seed in [FIRST, FIRST + COUNT), generates a program with
# test/codegen/Inputs/gen_loops.py and checks it with the e2e harness
# (serial build against the rewritten one at 1, 2 and 4 threads, g++ and
# clang++). CI runs a fixed few seeds (test/codegen/fuzz-loops.cpp); this
# runs many. Prints each failing seed and keeps its files in WORK.
# -m parts generates the second mode's programs (gen_parts.py: stores into
# parts of elements, rows, reductions into parts, indirect terms, elements
# holding references, packed bits); -m both alternates the two modes.
#
#   bench/fuzz/sweep_loops.sh [-s FIRST] [-n COUNT] [-b BUILD_DIR] [-w WORK] [-m loops|parts|both]
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
first=100 count=50 build=${PURECC_BUILD_DIR:-$repo/build} work=$(mktemp -d) mode=loops
while getopts "s:n:b:w:m:" opt; do
  case $opt in
    s) first=$OPTARG ;;
    n) count=$OPTARG ;;
    b) build=$OPTARG ;;
    w) work=$OPTARG ;;
    m) mode=$OPTARG ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
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
  kind=$mode
  [ "$mode" = both ] && { [ $((seed % 2)) = 0 ] && kind=loops || kind=parts; }
  [ "$kind" = parts ] && arg=parts || arg=
  python3 "$repo/test/codegen/Inputs/gen_loops.py" "$seed" $arg > "$src"
  if ! bash "$repo/test/codegen/Inputs/e2e.sh" "$build/frontend/purecc" g++-12 clang++-19 \
      "$repo/runtime/include" "$rt" "$src" "$work/loops$seed" > /dev/null 2> "$work/loops$seed.log"; then
    echo "seed $seed${arg:+ $arg}: $(tail -1 "$work/loops$seed.log")"
    failed=$((failed + 1))
  else
    rm -f "$work/loops$seed".*
  fi
done
echo "$failed of $count seeds failed (files in $work)"
[ "$failed" = 0 ]
