#!/usr/bin/env bash
# The README's main job: set up purecc, then on the bundled example
#   1. show the diagnostic for a deliberately broken [[pure]] function,
#   2. rewrite the correct program into parallel C++,
#   3. build it against the runtime and run it (twice: the second run finds
#      the memoized result in the on-disk cache), next to the serial original.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PURECC_BUILD_DIR:-$repo/build}
bash "$repo/.ci/setup.sh"
purecc="$build/frontend/purecc"
out="$build/demo"
mkdir -p "$out"

echo
echo "== 1. purecc check examples/demo/broken.cpp (a function that is not pure) =="
if "$purecc" check "$repo/examples/demo/broken.cpp" -- -std=c++20; then
  echo "unexpected: purecc accepted broken.cpp" >&2
  exit 1
fi

echo
echo "== 2. purecc rewrite examples/demo/primes.cpp -o $out/primes.purecc.cpp =="
"$purecc" rewrite --remarks "$repo/examples/demo/primes.cpp" -o "$out/primes.purecc.cpp" -- -std=c++20

echo
echo "== 3. build and run the rewritten program (cache: $out/cache) =="
g++ -std=c++20 -O2 -Wall -Wextra -fopenmp -I"$repo/runtime/include" \
    "$out/primes.purecc.cpp" "$build/runtime/libpurecc_rt.a" -lxxhash -lsqlite3 -lhiredis -lcrypto -lpthread \
    -o "$out/primes"
# The serial original, for comparison (g++ ignores the attributes it does not know).
g++ -std=c++20 -O2 -Wno-attributes "$repo/examples/demo/primes.cpp" -o "$out/primes-serial"
export PURECC_CACHE_DIR="$out/cache"
rm -rf "$PURECC_CACHE_DIR"
echo "-- serial original:"
time "$out/primes-serial"
echo "-- purecc, first run ($(nproc) cores):"
time "$out/primes"
echo "-- purecc, second run (PURECC_STATS=1):"
time PURECC_STATS=1 "$out/primes"
