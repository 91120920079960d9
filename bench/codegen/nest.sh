#!/usr/bin/env bash
# nest.sh — the 2-D nest of bench/codegen/nest.cpp, serial against purecc.
#
# Builds the input as written (serial) and the output of `purecc rewrite`
# with g++ -O2 -fopenmp and with clang++ -O2 -fopenmp (libomp), runs each
# RUNS times round-robin at THREADS threads and prints the medians and the
# purecc/serial speedup. The results must agree to 6 significant digits
# (the tree order rounds differently from the serial order). Idle machine
# only; the competing-process variant belongs to the runtime's benchmarks.
#
#   bench/codegen/nest.sh [-n RUNS] [-t THREADS] [-b BUILD_DIR]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
while getopts "n:t:b:" opt; do
  bench_option "$opt" "${OPTARG-}" || { sed -n '2,12p' "$0"; exit 2; }
done
bench_build purecc purecc_rt_static
inc=$repo/runtime/include
libs=("${rt_libs[@]}")

"$build/frontend/purecc" rewrite "$repo/bench/codegen/nest.cpp" -o "$work/nest.out.cpp" -- -std=c++20 -I"$inc"
echo "threads: $threads, runs: $runs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| compiler | serial s | purecc s | speedup |\n|---|---|---|---|\n'
for cxx in g++ clang++-19; do
  "$cxx" -std=c++20 -O2 -Wno-attributes -Wno-unknown-attributes "$repo/bench/codegen/nest.cpp" -o "$work/serial"
  "$cxx" -std=c++20 -O2 -fopenmp -I"$inc" "$work/nest.out.cpp" "${libs[@]}" -o "$work/purecc"
  : > "$work/s.t"; : > "$work/p.t"; results=()
  for ((r = 0; r < runs; r++)); do
    read -r res t < <("$work/serial"); echo "$t" >> "$work/s.t"; results+=("$res")
    read -r res t < <(OMP_NUM_THREADS=$threads "$work/purecc"); echo "$t" >> "$work/p.t"; results+=("$res")
  done
  if [ "$(printf '%s\n' "${results[@]}" | sort -u | wc -l)" != 1 ]; then
    echo "nest.sh: results disagree: ${results[*]}" >&2
    exit 1
  fi
  s=$(median < "$work/s.t"); p=$(median < "$work/p.t")
  awk -v c="$cxx" -v s="$s" -v p="$p" 'BEGIN { printf "| %s | %.3f | %.3f | %.2fx |\n", c, s, p, s / p }'
done
