#!/usr/bin/env bash
# run.sh — what purecc as a compiler launcher costs a compile that does not
# use purecc (issue 6: "passes through untouched and unslowed").
#
# Compiles one small C++ file without purecc attributes (g++ -O2 -c), RUNS
# times round-robin in three ways, and prints the median wall and CPU time
# (user + sys of the process and its children) of each, and ratios to the
# direct compile:
#   direct   g++ ...
#   purecc   purecc g++ ...        (the front: pre-scan, then exec g++)
#   core     purecc-core g++ ...   (the full tool: loads LLVM and Clang
#                                   first; what `purecc` was before the front)
# All three must write the same object bytes.
#
#   bench/launcher/run.sh [-n RUNS] [-b BUILD_DIR]
# Timings are only meaningful on an idle machine.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=21
build=${PURECC_BUILD_DIR:-$repo/build}
while getopts "n:b:" opt; do
  case $opt in
    n) runs=$OPTARG ;;
    b) build=$OPTARG ;;
    *) sed -n '2,16p' "$0"; exit 2 ;;
  esac
done
cmake --build "$build" --target purecc > /dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/plain.cpp" <<'CPP'
#include <cstdint>
std::uint64_t mix(std::uint64_t x) { x ^= x >> 33; x *= 0xff51afd7ed558ccdULL; return x ^ (x >> 33); }
CPP

echo "runs: $runs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$runs" "$work" "$build/frontend" <<'PY'
import filecmp, resource, statistics, subprocess, sys, time
runs, work, bindir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
src = f"{work}/plain.cpp"
variants = {
    "direct": [],
    "purecc": [f"{bindir}/purecc"],
    "core": [f"{bindir}/purecc-core"],
}
wall = {v: [] for v in variants}
cpu = {v: [] for v in variants}
for r in range(runs):
    for v, prefix in variants.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(prefix + ["g++", "-O2", "-c", src, "-o", f"{work}/{v}.o"], check=True)
        wall[v].append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[v].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
for v in ("purecc", "core"):
    if not filecmp.cmp(f"{work}/direct.o", f"{work}/{v}.o", shallow=False):
        sys.exit(f"run.sh: {v} wrote a different object")
dw, dc = statistics.median(wall["direct"]), statistics.median(cpu["direct"])
print("| variant | wall ms | cpu ms | wall vs direct | cpu vs direct |")
print("|---|---|---|---|---|")
for v in variants:
    w, c = statistics.median(wall[v]), statistics.median(cpu[v])
    print(f"| {v} | {w * 1e3:.1f} | {c * 1e3:.1f} | {w / dw:.2f} | {c / dc:.2f} |")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
