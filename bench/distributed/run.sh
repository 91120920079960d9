#!/usr/bin/env bash
# run.sh — remote-task overhead and coarse-task efficiency of purecc_rt_mpi on
# this machine's loopback. A benchmark, not a test: numbers depend on load
# (the script prints the load average).
#   bench/distributed/run.sh [-b BUILD_DIR] [-n RUNS] [-k COARSE_ITEMS]
# Builds dist_bench.cpp with the flag set a Makefile would use
# (docs/distributed.md): -Wl,--wrap=main, purecc_rt_mpi, purecc_rt, Open MPI.
# Reports (medians of RUNS):
#   local per-node cost  : `overhead` without mpirun / nodes
#   remote per-node cost : `overhead` under mpirun -n 2 with rank 0 only
#                          coordinating (PURECC_MPI_ROOT_WORKS=0) / nodes
#   tasks/s at rank 0    : nodes / that time
#   coarse efficiency    : ideal / time, where ideal is the wall time of two
#                          concurrent serial copies doing half the items each
#                          (the machine's own throughput), for 2 ranks x 1
#                          thread and for 1 rank x 2 threads.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${PURECC_BUILD_DIR:-$repo/build}
runs=3
coarse=100
while getopts "b:n:k:" opt; do
  case $opt in
    b) build=$OPTARG ;; n) runs=$OPTARG ;; k) coarse=$OPTARG ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
  esac
done
command -v mpirun >/dev/null || { echo "run.sh: mpirun not found" >&2; exit 2; }
cmake --build "$build" --target purecc_rt_mpi >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/dist_bench
g++ -std=c++20 -O2 -fopenmp -I"$repo/runtime/include" "$repo/bench/distributed/dist_bench.cpp" \
  -o "$bin" -Wl,--wrap=main "$build/runtime/libpurecc_rt_mpi.a" "$build/runtime/libpurecc_rt.a" \
  -lxxhash -lsqlite3 -lhiredis -lcrypto $(pkg-config --libs ompi-c)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_btl_tcp_if_include=lo PURECC_MEMO=off
mpi() { timeout 600 mpirun --bind-to none "$@"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"

n_over=65536
nodes=$(PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 OMP_NUM_THREADS=1 mpi -n 2 "$bin" overhead $n_over 2>&1 >/dev/null |
        sed -n 's/^purecc: rank 1 ([^)]*): \([0-9]*\) tasks.*/\1/p')
local_t=(); remote_t=(); mpi2=(); omp2=(); ideal=()
for ((r = 0; r < runs; r++)); do
  local_t+=("$(OMP_NUM_THREADS=1 "$bin" overhead $n_over | cut -d' ' -f2)")
  remote_t+=("$(PURECC_MPI_ROOT_WORKS=0 OMP_NUM_THREADS=1 mpi -n 2 "$bin" overhead $n_over | cut -d' ' -f2)")
  mpi2+=("$(OMP_NUM_THREADS=1 mpi -n 2 "$bin" coarse "$coarse" | cut -d' ' -f2)")
  omp2+=("$(OMP_NUM_THREADS=2 "$bin" coarse "$coarse" | cut -d' ' -f2)")
  s=$(date +%s.%N)
  OMP_NUM_THREADS=1 "$bin" serial $((coarse / 2)) >/dev/null & OMP_NUM_THREADS=1 "$bin" serial $((coarse - coarse / 2)) >/dev/null
  wait
  ideal+=("$(echo "$(date +%s.%N) - $s" | bc -l)")
done
lt=$(printf '%s\n' "${local_t[@]}" | median); rt=$(printf '%s\n' "${remote_t[@]}" | median)
m2=$(printf '%s\n' "${mpi2[@]}" | median); o2=$(printf '%s\n' "${omp2[@]}" | median)
id=$(printf '%s\n' "${ideal[@]}" | median)
awk -v n="$nodes" -v lt="$lt" -v rt="$rt" -v m2="$m2" -v o2="$o2" -v id="$id" -v k="$coarse" 'BEGIN {
  printf "| measure | value |\n|---|---|\n"
  printf "| nodes shipped (range 65536, leaf 1) | %d |\n", n
  printf "| local cost per node (1 thread) | %.2f us |\n", lt / n * 1e6
  printf "| remote cost per node (mpirun -n 2, rank 0 coordinating) | %.1f us |\n", rt / n * 1e6
  printf "| tasks/s at rank 0 | %.0f |\n", n / rt
  printf "| coarse (%d x ~10 ms): ideal (2 serial copies) | %.3f s |\n", k, id
  printf "| coarse: 2 ranks x 1 thread | %.3f s, efficiency %.2f |\n", m2, id / m2
  printf "| coarse: 1 rank x 2 threads | %.3f s, efficiency %.2f |\n", o2, id / o2
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
