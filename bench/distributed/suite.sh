#!/usr/bin/env bash
# suite.sh — the side-by-side suite's programs (bench/suite) rewritten for
# the cluster (purecc rewrite -DPURECC_DISTRIBUTED) and run under
# `mpirun -n 2` on this machine's loopback. A benchmark, not a test.
#   bench/distributed/suite.sh [-b BUILD_DIR] [-q] [PROGRAM...]
# -q: the suite's quick sizes (a pipeline check, not a measurement).
# Programs come from bench/suite, and nqueens_calls (n queens by calls,
# parallel calls rather than a reduction) from this directory.
# Sizes: larger than bench/suite's, so that each serial kernel runs ~1-2 s
# on this 2-core VM (CPU seconds measured 2026-11-30: sumsin 1.5e8 1.5 s,
# primes 9e6 1.5 s, nqueens 14 ~3 s (13: 0.54 s; its pieces are whole
# first-row placements), nw 200 1.1 s, montecarlo 5e5 1.5 s, uts 5e5 ~1.4 s,
# fib 44 1.35 s, nqueens_calls 14 ~1.4 s; lcs 20 as in bench/suite, its
# serial original is exponential): a start-up cost of tens of ms decided
# the ratio of the 0.14-0.5 s kernels of the suite's own sizes.
# Memo store: every run gets a fresh PURECC_CACHE_DIR (the default disk
# mode, as a first run sees it); a shared one let lcs find an earlier run's
# results and report 0.000 s.
# Per program (kernel seconds as the program reports them, one run each):
#   serial     the original, g++ -O2
#   ideal 2    two serial copies at once, each its mean time / 2: what two
#              workers of this machine can do (as bench/parallel measures it)
#   mpi 2x1    the distributed build under mpirun -n 2, OMP_NUM_THREADS=1
#   local 1x2  the same binary without mpirun, OMP_NUM_THREADS=2
#   plain 1x2  purecc's ordinary (not distributed) rewrite, 2 threads: the
#              cost of the registry entries on the local path
#   eff        ideal 2 / time
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$repo/build
quick=0
while getopts "b:q" opt; do
  case $opt in b) build=$OPTARG ;; q) quick=1 ;; *) sed -n '2,16p' "$0"; exit 2 ;; esac
done
shift $((OPTIND - 1))
progs=("$@")
[ ${#progs[@]} -gt 0 ] || progs=(sumsin primes nqueens nw montecarlo uts fib nqueens_calls lcs)
command -v mpirun >/dev/null || { echo "suite.sh: mpirun not found" >&2; exit 2; }
cmake --build "$build" --target purecc purecc_rt_static purecc_rt_mpi >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_btl_tcp_if_include=lo
unset PURECC_MEMO
# fresh: a new, empty memo store directory for the next run.
fresh() { mktemp -d "$tmp/cache.XXXXXX"; }
flags=(-std=c++20 -O2 -fopenmp -Wno-attributes -I"$repo/bench/suite" -I"$repo/runtime/include")
mpilibs=(-Wl,--wrap=main "$build/runtime/libpurecc_rt_mpi.a" "$build/runtime/libpurecc_rt.a"
         -lxxhash -lsqlite3 -lhiredis -lcrypto $(pkg-config --libs ompi-c))
rtlibs=("$build/runtime/libpurecc_rt.a" -lxxhash -lsqlite3 -lhiredis -lcrypto)
size_of() {
  if [ "$quick" = 0 ]; then
    case $1 in
      sumsin) echo 150000000; return ;; primes) echo 9000000; return ;;
      nqueens | nqueens_calls) echo 14; return ;; nw) echo 200; return ;;
      montecarlo | uts) echo 500000; return ;; fib) echo 44; return ;;
    esac
  fi
  if [ "$1" = nqueens_calls ]; then echo 10; return; fi
  python3 - "$repo/bench/suite" "$1" "$quick" <<'PY'
import sys; sys.path.insert(0, sys.argv[1]); import programs
p = {q.name: q for q in programs.PROGRAMS}[sys.argv[2]]
print(p.quick if sys.argv[3] == "1" else p.full)
PY
}
secs() { sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' "$1"; }
result() { sed -n 's/^result=\([^ ]*\) .*/\1/p' "$1"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
echo "| program | size | serial s | ideal 2 s | mpi 2x1 s (eff) | local 1x2 s (eff) | plain 1x2 s | tasks on rank 1 | result |"
echo "|---|---|---|---|---|---|---|---|---|"
for p in "${progs[@]}"; do
  src=$repo/bench/suite/$p.cpp
  [ -f "$src" ] || src=$repo/bench/distributed/$p.cpp
  n=$(size_of "$p")
  g++ "${flags[@]}" "$src" -o "$tmp/$p.serial"
  "$build/frontend/purecc" rewrite "$src" -o "$tmp/$p.dist.cpp" -- -std=c++20 -O2 \
    -DPURECC_DISTRIBUTED -I"$repo/bench/suite" -I"$repo/runtime/include" 2>/dev/null
  "$build/frontend/purecc" rewrite "$src" -o "$tmp/$p.plain.cpp" -- -std=c++20 -O2 \
    -I"$repo/bench/suite" -I"$repo/runtime/include" 2>/dev/null
  g++ "${flags[@]}" "$tmp/$p.dist.cpp" -o "$tmp/$p.dist" "${mpilibs[@]}"
  g++ "${flags[@]}" "$tmp/$p.plain.cpp" -o "$tmp/$p.plain" "${rtlibs[@]}"
  "$tmp/$p.serial" "$n" >"$tmp/s.out"
  "$tmp/$p.serial" "$n" >"$tmp/c1.out" & "$tmp/$p.serial" "$n" >"$tmp/c2.out"; wait
  PURECC_CACHE_DIR=$(fresh) OMP_NUM_THREADS=1 PURECC_STATS=1 timeout 900 \
    mpirun --bind-to none -n 2 "$tmp/$p.dist" "$n" >"$tmp/m.out" 2>"$tmp/m.err"
  # The rank lines too: CPU time, tasks' CPU, messages and bytes per rank,
  # the figures a loaded machine does not change (docs/distributed.md).
  grep '^purecc: \(fixed costs on \)\?rank [0-9]' "$tmp/m.err" | sed "s/^purecc:/$p:/" >>"$tmp/costs" || true
  # A fresh store: a run that resumed anything took it from itself, which
  # would make its time no measurement (the runtime refuses that; fib
  # read 2.88 x ideal when it did not). Say so beside the costs.
  sed -n "s/^purecc: rank 0 .*\(resumed [0-9]* tasks\).*/$p: \1 (must be 0)/p" "$tmp/m.err" >>"$tmp/costs"
  PURECC_CACHE_DIR=$(fresh) OMP_NUM_THREADS=2 "$tmp/$p.dist" "$n" >"$tmp/l.out"
  PURECC_CACHE_DIR=$(fresh) OMP_NUM_THREADS=2 "$tmp/$p.plain" "$n" >"$tmp/p.out"
  tasks=$(sed -n 's/^purecc: rank 1 ([^)]*): \([0-9]*\) tasks.*/\1/p' "$tmp/m.err")
  # The three rewritten runs share one tree: bitwise the same result. A
  # floating-point sum may differ from serial (the tree's association).
  rm_=$(result "$tmp/m.out"); rl=$(result "$tmp/l.out"); rp=$(result "$tmp/p.out")
  if [ "$rm_" != "$rl" ] || [ "$rl" != "$rp" ]; then same="MISMATCH $rm_ $rl $rp"
  elif [ "$rm_" = "$(result "$tmp/s.out")" ]; then same="= serial"
  else same="bitwise equal; serial $(result "$tmp/s.out")"; fi
  awk -v p="$p" -v n="$n" -v s="$(secs "$tmp/s.out")" -v c1="$(secs "$tmp/c1.out")" \
      -v c2="$(secs "$tmp/c2.out")" -v m="$(secs "$tmp/m.out")" -v l="$(secs "$tmp/l.out")" \
      -v pl="$(secs "$tmp/p.out")" -v t="${tasks:-0}" -v r="$same" 'BEGIN {
    id = (c1 + c2) / 2 / 2
    printf "| %s | %s | %.3f | %.3f | %.3f (%.2f) | %.3f (%.2f) | %.3f | %s | %s |\n",
           p, n, s, id, m, id / m, l, id / l, pl, t, r }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Each rank's line and where rank 0's fixed costs went in each mpirun -n 2
# run (PURECC_STATS).
if [ -f "$tmp/costs" ]; then cat "$tmp/costs"; fi
