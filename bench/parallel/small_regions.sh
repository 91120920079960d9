#!/usr/bin/env bash
# small_regions.sh — back-to-back small parallel regions, idle and on a busy
# machine (issue 12, item 9; docs/runtime.md, "Waiting threads").
#
# Builds small_regions.cpp with g++ (libgomp) and clang++ (libomp) against
# the static purecc_rt and runs the variants serial, purecc and omp (plain
# `omp parallel for`) RUNS times each at THREADS threads, round-robin, in
# two conditions: idle, and while `yes > /dev/null` keeps one core busy (the
# script starts it and stops it by its process id). Prints the median
# seconds of each variant per compiler and condition.
#
#   bench/parallel/small_regions.sh [-n RUNS] [-t THREADS] [-b BUILD_DIR]
set -euo pipefail

yes_pid=
bench_on_exit() {
  if [ -n "$yes_pid" ]; then kill "$yes_pid" 2> /dev/null || true; fi
}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
threads=2
while getopts "n:t:b:" opt; do
  bench_option "$opt" "${OPTARG-}" || { sed -n '2,13p' "$0"; exit 2; }
done
bench_build purecc_rt_static
tmp=$work

for cxx in g++ clang++-19; do
  "$cxx" -std=c++20 -O2 -fopenmp -I"$repo/runtime/include" "$repo/bench/parallel/small_regions.cpp" \
    "${rt_libs[@]}" -o "$tmp/$cxx"
done

echo "| compiler | condition | serial s | purecc s | omp s |"
echo "|---|---|---:|---:|---:|"
for condition in idle busy; do
  if [ "$condition" = busy ]; then
    yes > /dev/null &
    yes_pid=$!
  fi
  for cxx in g++ clang++-19; do
    : > "$tmp/times"
    for ((r = 0; r < runs; ++r)); do
      for v in serial purecc omp; do
        OMP_NUM_THREADS=$threads "$tmp/$cxx" "$v" >> "$tmp/times"
      done
    done
    row="| $cxx | $condition"
    for v in serial purecc omp; do
      row="$row | $(awk -v v="$v" '$1 == v { print $3 }' "$tmp/times" | median)"
    done
    echo "$row |"
  done
  if [ -n "$yes_pid" ]; then
    kill "$yes_pid"
    wait "$yes_pid" 2> /dev/null || true
    yes_pid=
  fi
done
