#!/usr/bin/env bash
# scaling.sh — ranks x threads on one many-core machine: the suite's programs
# rewritten for the cluster (-DPURECC_DISTRIBUTED) run as 1 x C (no mpirun,
# the local path), 2 x C/2, 4 x C/4 and C x 1 under mpirun, each against the
# ideal from the machine's own serial copies (C serial copies at once, their
# mean time / C: what C workers of this machine can do, as bench/parallel
# measures it). A benchmark, not a test.
#   bench/distributed/scaling.sh build DIR [-b BUILD_DIR]
#   bench/distributed/scaling.sh run DIR [-c CORES] [-r REPEATS] [-s STATS_DIR] [PROGRAM...]
# build: compiles each program's serial original and its distributed rewrite
#   into DIR (g++ -O2 -fopenmp; purecc and the runtime from BUILD_DIR), so
#   that `run` needs only mpirun and the shared libraries, not a compiler.
# run: C defaults to nproc. Each repeat runs every program once per layout,
#   programs interleaved; the table gives medians (kernel seconds as the
#   program reports them, start-up excluded) and eff = ideal / time.
#   -s keeps each run's PURECC_STATS lines (rank lines) in STATS_DIR.
# Sizes: about 4-6 s of serial kernel on a 2026 server core, so that a
# 16-way run still lasts a few hundred ms. nqueens 14 and nqueens_calls 14
# keep this suite's sizes: 14 first-row placements are nqueens' pieces, so
# it cannot use more than 14 workers whatever C is.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mode=${1:-}; dir=${2:-}
[ -n "$mode" ] && [ -n "$dir" ] || { sed -n '2,20p' "$0"; exit 2; }
shift 2
programs=(sumsin primes nqueens nw montecarlo fib nqueens_calls)
size_of() {
  case $1 in
    sumsin) echo 200000000 ;; primes) echo 18000000 ;; nqueens | nqueens_calls) echo 14 ;;
    nw) echo 320 ;; montecarlo) echo 1800000 ;; fib) echo 46 ;;
    *) echo "scaling.sh: no size for '$1'" >&2; exit 2 ;;
  esac
}

if [ "$mode" = build ]; then
  build=$repo/build
  while getopts "b:" opt; do
    case $opt in b) build=$OPTARG ;; *) exit 2 ;; esac
  done
  mkdir -p "$dir"
  cmake --build "$build" --target purecc purecc_rt_static purecc_rt_mpi >/dev/null
  flags=(-std=c++20 -O2 -fopenmp -Wno-attributes -I"$repo/bench/suite" -I"$repo/runtime/include")
  mpilibs=(-Wl,--wrap=main "$build/runtime/libpurecc_rt_mpi.a" "$build/runtime/libpurecc_rt.a"
           -lxxhash -lsqlite3 -lhiredis -lcrypto $(pkg-config --libs ompi-c))
  for p in "${programs[@]}"; do
    src=$repo/bench/suite/$p.cpp
    [ -f "$src" ] || src=$repo/bench/distributed/$p.cpp
    g++ "${flags[@]}" "$src" -o "$dir/$p.serial"
    "$build/frontend/purecc" rewrite "$src" -o "$dir/$p.dist.cpp" -- -std=c++20 -O2 \
      -DPURECC_DISTRIBUTED -I"$repo/bench/suite" -I"$repo/runtime/include" 2>/dev/null
    g++ "${flags[@]}" "$dir/$p.dist.cpp" -o "$dir/$p.dist" "${mpilibs[@]}"
    echo "$p $(size_of "$p")" >>"$dir/sizes.tmp"
  done
  mv "$dir/sizes.tmp" "$dir/sizes"
  exit 0
fi

[ "$mode" = run ] || { echo "scaling.sh: unknown mode '$mode' (build or run)" >&2; exit 2; }
cores=$(nproc); repeats=3; stats=
while getopts "c:r:s:" opt; do
  case $opt in c) cores=$OPTARG ;; r) repeats=$OPTARG ;; s) stats=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || programs=("$@")
command -v mpirun >/dev/null || { echo "scaling.sh: mpirun not found" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none
unset PURECC_MEMO
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
secs() { sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' "$1"; }
result() { sed -n 's/^result=\([^ ]*\) .*/\1/p' "$1"; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "nan" }'; }
layouts=()
for ranks in 1 2 4 "$cores"; do
  # Each layout once, and only those that divide C evenly.
  if [ "$ranks" -le "$cores" ] && [ $((cores % ranks)) = 0 ] &&
     [[ " ${layouts[*]} " != *" ${ranks}x"* ]]; then
    layouts+=("${ranks}x$((cores / ranks))")
  fi
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs; C = $cores, $repeats repeats"
for r in $(seq "$repeats"); do
  for p in "${programs[@]}"; do
    n=$(awk -v p="$p" '$1 == p { print $2 }' "$dir/sizes")
    # The ideal: C serial copies at once.
    for c in $(seq "$cores"); do "$dir/$p.serial" "$n" >"$tmp/copy.$c" & done; wait
    for c in $(seq "$cores"); do secs "$tmp/copy.$c"; done |
      awk -v c="$cores" '{ s += $1 } END { printf "%.4f\n", s / NR / c }' >>"$tmp/$p.ideal"
    result "$tmp/copy.1" >"$tmp/$p.serial_result"
    for l in "${layouts[@]}"; do
      ranks=${l%x*}; threads=${l#*x}
      cache=$(mktemp -d "$tmp/cache.XXXXXX")
      if [ "$ranks" = 1 ]; then
        PURECC_CACHE_DIR=$cache OMP_NUM_THREADS=$threads timeout 300 "$dir/$p.dist" "$n" \
          >"$tmp/out" 2>"$tmp/err"
      else
        PURECC_CACHE_DIR=$cache OMP_NUM_THREADS=$threads PURECC_STATS=1 timeout 300 \
          mpirun --bind-to none -x PURECC_CACHE_DIR -x OMP_NUM_THREADS -x PURECC_STATS \
          -n "$ranks" "$dir/$p.dist" "$n" >"$tmp/out" 2>"$tmp/err"
      fi
      secs "$tmp/out" >>"$tmp/$p.$l"
      result "$tmp/out" >>"$tmp/$p.$l.results"
      if [ -n "$stats" ]; then
        mkdir -p "$stats"
        { echo "== $p $l repeat $r"; grep '^purecc: ' "$tmp/err" || true; } >>"$stats/$p.txt"
      fi
      rm -rf "$cache"
    done
  done
done
header="| program | size | ideal $cores s"
rule="|---|---|---"
for l in "${layouts[@]}"; do header+=" | $l s (eff)"; rule+="|---"; done
echo "$header | result |"; echo "$rule|---|"
for p in "${programs[@]}"; do
  n=$(awk -v p="$p" '$1 == p { print $2 }' "$dir/sizes")
  ideal=$(median <"$tmp/$p.ideal")
  row="| $p | $n | $ideal"
  same="= serial"
  for l in "${layouts[@]}"; do
    t=$(median <"$tmp/$p.$l")
    row+=" | $(awk -v i="$ideal" -v t="$t" 'BEGIN { printf "%.3f (%.2f)", t, i / t }')"
    # Every layout runs one reduction tree: bitwise the same result. A
    # floating-point sum may differ from serial (the tree's association).
    if [ "$(sort -u "$tmp/$p.$l.results" | wc -l)" != 1 ] ||
       [ "$(sort -u "$tmp/$p.$l.results")" != "$(sort -u "$tmp/$p.${layouts[0]}.results")" ]; then
      same="MISMATCH in $l"
    fi
  done
  if [ "$same" = "= serial" ] && [ "$(sort -u "$tmp/$p.${layouts[0]}.results")" != "$(cat "$tmp/$p.serial_result")" ]; then
    same="bitwise equal in all layouts; serial $(cat "$tmp/$p.serial_result")"
  fi
  echo "$row | $same |"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
