#!/usr/bin/env bash
# run.sh — whole-program benchmarks of purecc's parallel runtime.
#
# Builds fib, nqueens and sumsin (bench/parallel/*.cpp) with g++ -O2
# -fopenmp against the static purecc_rt, runs every variant RUNS times
# (round-robin, so a burst of background load hits all variants alike) and
# prints a markdown table of medians and ratios against the serial code and
# against hand-tuned OpenMP (and TBB when libtbb-dev is installed).
# Each run times its variant cold (first call of a fresh process) and warm
# (second call). The "machine" variant runs THREADS copies of the serial code
# at once; from their throughput it gives the ideal time of one job, and
# ideal / time is each variant's efficiency (see harness.h).
#
#   bench/parallel/run.sh [-n RUNS] [-t THREADS] [-b BUILD_DIR] [-p PROGRAMS]
#     -n RUNS       runs per variant (default 5; the median is reported)
#     -t THREADS    threads of the parallel runs (default: nproc)
#     -b BUILD_DIR  CMake build dir holding runtime/libpurecc_rt.a
#                   (default $PURECC_BUILD_DIR or <repo>/build; built if missing)
#     -p PROGRAMS   space-separated subset of "fib nqueens sumsin"
#     -w SECONDS    before each round, wait up to SECONDS for the CPUs to be
#                   idle (< 15% busy over 2 s) — for shared machines
#     CXX=clang++-19 run.sh   compiles the programs with clang (libomp) instead
#
# Timings are only meaningful on an idle machine: the script prints the load
# average before and after and warns when it exceeds 0.5 per core.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=5
threads=$(nproc)
build=${PURECC_BUILD_DIR:-$repo/build}
programs="fib nqueens sumsin"
wait_idle=0
while getopts "n:t:b:p:w:" opt; do
  case $opt in
    n) runs=$OPTARG ;;
    t) threads=$OPTARG ;;
    b) build=$OPTARG ;;
    p) programs=$OPTARG ;;
    w) wait_idle=$OPTARG ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
  esac
done
cxx=${CXX:-g++}

lib=$build/runtime/libpurecc_rt.a
if [ ! -f "$build/CMakeCache.txt" ]; then
  echo "run.sh: no CMake build in $build (configure it first, or pass -b)" >&2
  exit 2
fi
if ! out=$(cmake --build "$build" --target purecc_rt_static 2>&1); then
  echo "$out" >&2
  exit 1
fi

tbb_flags=()
variants_tbb=""
if [ -f /usr/include/oneapi/tbb/task_group.h ]; then
  tbb_flags=(-DPURECC_BENCH_TBB -ltbb)
  variants_tbb=tbb
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pids=()
for p in $programs; do
  "$cxx" -std=c++20 -O2 -fopenmp -I"$repo/runtime/include" "$repo/bench/parallel/$p.cpp" \
    "$lib" -lxxhash -lsqlite3 -lhiredis -lcrypto -lpthread "${tbb_flags[@]}" -o "$work/$p" &
  pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid" || { echo "run.sh: building a benchmark failed" >&2; exit 1; }
done

load() { cut -d' ' -f1 /proc/loadavg; }
# Percentage of CPU time not idle over the next two seconds (/proc/stat).
cpu_busy() {
  local a b
  a=($(head -1 /proc/stat)); sleep 2; b=($(head -1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  local idle=$((b[4] - a[4] + b[5] - a[5]))
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
wait_for_idle() {
  local deadline=$((SECONDS + wait_idle)) busy
  while :; do
    busy=$(cpu_busy)
    if [ "$busy" -lt 15 ] || [ $SECONDS -ge "$deadline" ]; then
      echo "$busy"
      return
    fi
  done
}
load_before=$(load)
busy=$(awk -v l="$load_before" -v c="$(nproc)" 'BEGIN { print (l > 0.5 * c) ? 1 : 0 }')
if [ "$busy" = 1 ]; then
  echo "run.sh: warning: load average $load_before on $(nproc) cores: timings are noisy" >&2
fi

# Each configuration: program variant threads. The serial code runs on one
# thread; purecc variants on 1 (overhead) and on $threads (speedup).
configs=()
for p in $programs; do
  configs+=("$p serial 1" "$p purecc 1" "$p purecc $threads")
  [ "$p" != sumsin ] && configs+=("$p purecc_fast 1" "$p purecc_fast $threads")
  configs+=("$p omp $threads" "$p machine $threads")
  [ -n "$variants_tbb" ] && configs+=("$p tbb $threads")
done

results=$work/results.txt
: >"$results"
for ((r = 1; r <= runs; r++)); do
  busy_before=""
  [ "$wait_idle" -gt 0 ] && busy_before=", CPUs $(wait_for_idle)% busy before"
  for c in "${configs[@]}"; do
    read -r p v t <<<"$c"
    # OMP_PROC_BIND binds the initial thread at start-up, and the threads
    # it creates itself inherit that one CPU: TBB's workers and the copies
    # of "machine" would share it. Those two run unbound.
    unbind=()
    case $v in tbb | machine) unbind=(env -u OMP_PROC_BIND -u OMP_PLACES) ;; esac
    echo "$p $t $("${unbind[@]}" "$work/$p" "$v" "$t")" >>"$results"
  done
  echo "run.sh: round $r/$runs done (load $(load)$busy_before)" >&2
done

python3 - "$results" "$threads" "$load_before" "$(load)" "$cxx" <<'PY'
import statistics, sys
from collections import defaultdict
path, threads, load_before, load_after, cxx = sys.argv[1:]
cold, warm, cpu, answers = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(set)
for line in open(path):
    prog, t, variant, answer, cold_s, cpu_s, warm_s = line.split()
    key = (prog, variant, int(t))
    cold[key].append(float(cold_s))
    warm[key].append(float(warm_s))
    cpu[key].append(float(cpu_s))
    answers[prog].add(answer)
P = int(threads)
med = statistics.median
print(f"compiler: {cxx} -O2 -fopenmp; threads: {P}; load average before/after: "
      f"{load_before}/{load_after}; median of {len(next(iter(cold.values())))} runs\n")
print("Speedups are against the serial variant's time in the same state (cold "
      "against cold, warm against warm). Efficiency = ideal / time, where 'ideal' is the "
      "time the machine's measured throughput needs for one serial job (the machine row).\n")
print("| program | variant | threads | cold (s) | cold speedup | cold efficiency | warm (s) "
      "| warm speedup | warm efficiency | warm vs omp | cpu vs serial |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for prog in dict.fromkeys(k[0] for k in cold):
    def m(d, v, t): return med(d[(prog, v, t)])
    serial_cold, serial_warm = m(cold, "serial", 1), m(warm, "serial", 1)
    serial_cpu, omp_warm = m(cpu, "serial", 1), m(warm, "omp", P)
    ideal_cold, ideal_warm = m(cold, "machine", P), m(warm, "machine", P)
    for (p, v, t) in cold:
        if p != prog:
            continue
        c, w = m(cold, v, t), m(warm, v, t)
        if v == "machine":
            print(f"| {p} | ideal ({P} serial copies at once) | {t} | {c:.3f} | "
                  f"{serial_cold / c:.2f} | | {w:.3f} | {serial_warm / w:.2f} | | | |")
            continue
        eff_cold = f"{ideal_cold / c:.2f}" if t == P and v != "serial" else ""
        eff_warm = f"{ideal_warm / w:.2f}" if t == P and v != "serial" else ""
        vs_omp = f"{w / omp_warm:.2f}" if t == P and v != "omp" else ""
        print(f"| {p} | {v} | {t} | {c:.3f} | {serial_cold / c:.2f} | {eff_cold} | {w:.3f} "
              f"| {serial_warm / w:.2f} | {eff_warm} | {vs_omp} | {m(cpu, v, t) / serial_cpu:.2f} |")
    if len(answers[prog]) != 1:
        print(f"\nrun.sh: ERROR: {prog} variants disagree: {sorted(answers[prog])}")
        sys.exit(1)
print(f"\nTargets: speedup >= {0.9 * P:.1f} at {P} threads (efficiency >= 0.90) and >= 0.91 "
      f"(overhead <= 1.10x) at 1 thread. 'cpu vs serial' (cold call) > 1 is work the parallel version added (task "
      f"overhead, spinning); on a loaded machine it is the more stable number.")
PY
