# lib.sh — what the benchmark scripts share (sourced, not run): the
# repository and build directory, the common options -n RUNS, -t THREADS
# and -b BUILD_DIR, building what a script needs, the runtime's link line,
# a scratch directory removed on exit, and the median of a column of times.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
#   runs=5 threads=$(nproc)                       # the script's defaults
#   while getopts "n:t:b:" opt; do
#     bench_option "$opt" "${OPTARG-}" || { sed -n '2,12p' "$0"; exit 2; }
#   done
#   bench_build purecc purecc_rt_static           # quietly, into $build
#   g++ ... "${rt_libs[@]}"; median < times       # scratch files in $work
#
# A script that needs more on exit defines bench_on_exit before sourcing.

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PURECC_BUILD_DIR:-$repo/build}
runs=5
threads=$(nproc)

# Handles one of the common options; false for any other (the caller's
# usage message then).
bench_option() {
  case $1 in
    n) runs=$2 ;;
    t) threads=$2 ;;
    b) build=$2 ;;
    *) return 1 ;;
  esac
}

# Builds the given targets of $build quietly, then sets the runtime's link
# line (the static runtime and what it links).
bench_build() {
  cmake --build "$build" --target "$@" > /dev/null
  rt_libs=("$build/runtime/libpurecc_rt.a" -fopenmp -lxxhash -lsqlite3 -lhiredis -lcrypto -lpthread)
}

# The median of the numbers on standard input, one per line (the mean of
# the two middle ones for an even count).
median() {
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

work=$(mktemp -d)
bench_exit() {
  if declare -F bench_on_exit > /dev/null; then bench_on_exit; fi
  rm -rf "$work"
}
trap bench_exit EXIT
