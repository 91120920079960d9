#!/usr/bin/env bash
# run.sh — what `purecc rewrite` buys on plain serial programs.
#
# For each of fib(40), nqueens(13) and the sum of sin(i) over 1e8 terms
# (bench/codegen/*.cpp, written serially with [[pure]]), builds
#   serial   the input as written (purecc's attributes compile to nothing)
#   purecc   the output of `purecc rewrite`
#   omp      the hand-tuned OpenMP variant of bench/parallel/<prog>.cpp
#   ideal    THREADS copies of the serial binary at once: one job's time at
#            their combined throughput, 1 / sum(1 / copy time) (serial /
#            THREADS on equal cores; this VM's two vCPUs are not equal, see
#            bench/parallel/harness.h). ideal / purecc is the efficiency.
# with g++ -O2 -fopenmp, runs each RUNS times round-robin and prints the
# medians and the ratios purecc/serial (speedup), ideal/purecc (efficiency;
# the runtime's target is >= 0.9) and omp/purecc (the goal is >= 0.95: the
# rewritten serial code as fast as the best hand-written OpenMP). Every
# variant must print the same result.
#
#   bench/codegen/run.sh [-n RUNS] [-t THREADS] [-b BUILD_DIR]
#     -N            only the second table (the naturally written programs)
#     -P "PROGS"    only these programs, in either table (e.g. -P "kmeans",
#                   -P "fib fib_ternary")
#     -b BUILD_DIR  CMake build dir with frontend/purecc and the runtime
#                   (default $PURECC_BUILD_DIR or <repo>/build)
#
# A second table compares the naturally written versions (fib with `?:`, a
# [[pure]] function from another file) with the suite's form of the kernel.
#
# Timings are only meaningful on an idle machine.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
natural_only=0
only_programs=
while getopts "n:t:b:NP:" opt; do
  case $opt in
    P) only_programs=$OPTARG ;;
    N) natural_only=1 ;;
    *) bench_option "$opt" "${OPTARG-}" || { sed -n '2,29p' "$0"; exit 2; } ;;
  esac
done
bench_build purecc purecc_rt_static
purecc=$build/frontend/purecc
inc=$repo/runtime/include
flags=(-std=c++20 -O2 -fopenmp -I"$inc")
libs=("${rt_libs[@]}")

# Runs one program's variants RUNS times round-robin, each followed by the
# ideal (THREADS copies of $work/PROG.serial at once), checks that every
# variant printed the same result, and sets med[VARIANT] (and med[ideal])
# to the median time. A variant is the binary $work/PROG.VARIANT, run with
# OMP_NUM_THREADS=THREADS; `serial` runs with one thread, `omp` is
# bench/parallel's harness (`omp THREADS` on its command line).
#   measure PROG VARIANT...
declare -A med
measure() {
  local prog=$1 variant res t k r
  shift
  local results=()
  for variant in "$@" ideal; do : > "$work/$variant.t"; done
  for ((r = 0; r < runs; r++)); do
    for variant in "$@"; do
      case $variant in
        serial) read -r res t < <(OMP_NUM_THREADS=1 "$work/$prog.serial") ;;
        omp) read -r _ res t _ < <("$work/$prog.omp" omp "$threads") ;;
        *) read -r res t < <(OMP_NUM_THREADS=$threads "$work/$prog.$variant") ;;
      esac
      # Results are compared to 6 significant digits (the tree order of a
      # floating-point sum differs from the serial one in the last bits).
      echo "$t" >> "$work/$variant.t"; results+=("$(printf '%.6g' "$res")")
    done
    rm -f "$work"/copy.*
    for ((k = 0; k < threads; k++)); do
      env -u OMP_PROC_BIND -u OMP_PLACES "$work/$prog.serial" > "$work/copy.$k" &
    done
    wait
    cat "$work"/copy.* | awk '{ rate += 1 / $2 } END { print 1 / rate }' >> "$work/ideal.t"
  done
  if [ "$(printf '%s\n' "${results[@]}" | sort -u | wc -l)" != 1 ]; then
    echo "run.sh: $prog: variants disagree: ${results[*]}" >&2
    exit 1
  fi
  for variant in "$@" ideal; do med[$variant]=$(median < "$work/$variant.t"); done
}

# The programs of a table that -P (when given) names.
selected() {
  local prog
  for prog in "$@"; do
    if [ -z "$only_programs" ] || [[ " $only_programs " == *" $prog "* ]]; then
      echo "$prog"
    fi
  done
}

echo "threads: $threads, runs: $runs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| program | serial s | purecc s | omp s | ideal s | purecc speedup | efficiency | omp/purecc |\n'
printf '|---|---|---|---|---|---|---|---|\n'
mapfile -t main_programs < <(selected fib nqueens sumsin)
[ "$natural_only" = 1 ] && main_programs=()
"$purecc" rewrite "$repo/bench/codegen/fib.cpp" -o "$work/fib.out.cpp" -- -std=c++20 -I"$inc"
for prog in "${main_programs[@]}"; do
  src=$repo/bench/codegen/$prog.cpp
  "$purecc" rewrite "$src" -o "$work/$prog.out.cpp" -- -std=c++20 -I"$inc"
  g++ "${flags[@]}" -Wno-attributes "$src" -o "$work/$prog.serial"
  g++ "${flags[@]}" "$work/$prog.out.cpp" "${libs[@]}" -o "$work/$prog.purecc"
  g++ "${flags[@]}" "$repo/bench/parallel/$prog.cpp" "${libs[@]}" -o "$work/$prog.omp"
  measure "$prog" serial purecc omp
  awk -v n="$prog" -v s="${med[serial]}" -v p="${med[purecc]}" -v o="${med[omp]}" -v i="${med[ideal]}" \
    'BEGIN { printf "| %s | %.3f | %.3f | %.3f | %.3f | %.2fx | %.2f | %.2f |\n",
             n, s, p, o, i, s / p, i / p, o / p }'
done

# The same kernels written as people write them (issue 15): fib with one
# `?:` (fib_ternary.cpp), and a loop over a [[pure]] function defined in
# another file (twofile/: main.cpp calls work() from work.cpp, both files
# through `purecc rewrite`), against their reference: fib.cpp's purecc
# build, and twofile as one translation unit. ratio = reference / natural
# purecc time (the target is >= 0.95); efficiency = ideal / natural.
# nqueens_continue (the column loop skips unsafe columns with `continue`)
# has nqueens.cpp's purecc build as reference; kmeans (a std::vector of a
# 2-D point struct, an argmin over 16 centroids) has no suite form: its
# reference is its own serial build, so its ratio is its speedup. So has
# matprod (an in-order product of 2e7 4x4 rotations from a [[pure]]
# function, `P = P * turn(i)` with a [[purecc::associative]] operator*: an
# ordered reduction of a user's type).
printf '\n| natural program | reference s | natural purecc s | ideal s | ratio | efficiency |\n'
printf '|---|---|---|---|---|---|\n'
tf=$repo/bench/codegen/twofile
"$purecc" rewrite "$repo/bench/codegen/fib_ternary.cpp" -o "$work/fibt.out.cpp" -- -std=c++20
g++ "${flags[@]}" "$work/fibt.out.cpp" "${libs[@]}" -o "$work/fib_ternary.purecc"
g++ "${flags[@]}" -Wno-attributes "$repo/bench/codegen/fib_ternary.cpp" -o "$work/fib_ternary.serial"
"$purecc" rewrite "$tf/main.cpp" -o "$work/main.out.cpp" -- -std=c++20 -I"$tf"
"$purecc" rewrite "$tf/work.cpp" -o "$work/work.out.cpp" -- -std=c++20 -I"$tf"
g++ "${flags[@]}" -Wno-attributes -I"$tf" "$work/main.out.cpp" "$work/work.out.cpp" "${libs[@]}" -o "$work/twofile.purecc"
g++ "${flags[@]}" -Wno-attributes -I"$tf" "$tf/main.cpp" "$tf/work.cpp" -o "$work/twofile.serial"
sed -e '/#include "work.h"/d' -e '/#pragma once/d' "$tf/work.h" "$tf/work.cpp" "$tf/main.cpp" > "$work/onefile.cpp"
"$purecc" rewrite "$work/onefile.cpp" -o "$work/onefile.out.cpp" -- -std=c++20
g++ "${flags[@]}" "$work/onefile.out.cpp" "${libs[@]}" -o "$work/twofile.reference"
g++ "${flags[@]}" "$work/fib.out.cpp" "${libs[@]}" -o "$work/fib_ternary.reference"
for prog in nqueens_continue kmeans matprod; do
  "$purecc" rewrite "$repo/bench/codegen/$prog.cpp" -o "$work/$prog.out.cpp" -- -std=c++20
  g++ "${flags[@]}" "$work/$prog.out.cpp" "${libs[@]}" -o "$work/$prog.purecc"
  g++ "${flags[@]}" -Wno-attributes "$repo/bench/codegen/$prog.cpp" -o "$work/$prog.serial"
done
"$purecc" rewrite "$repo/bench/codegen/nqueens.cpp" -o "$work/nq.out.cpp" -- -std=c++20
g++ "${flags[@]}" "$work/nq.out.cpp" "${libs[@]}" -o "$work/nqueens_continue.reference"
cp "$work/kmeans.serial" "$work/kmeans.reference"
cp "$work/matprod.serial" "$work/matprod.reference"
for prog in $(selected fib_ternary twofile nqueens_continue kmeans matprod); do
  measure "$prog" reference purecc
  awk -v n="$prog" -v f="${med[reference]}" -v p="${med[purecc]}" -v i="${med[ideal]}" \
    'BEGIN { printf "| %s | %.3f | %.3f | %.3f | %.2f | %.2f |\n", n, f, p, i, f / p, i / p }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
