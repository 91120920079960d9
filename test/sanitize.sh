#!/usr/bin/env bash
# The runtime's GoogleTest suites once more, built with AddressSanitizer and
# UndefinedBehaviorSanitizer (the runtime only: the compiler is LLVM's code
# and slow to instrument). Any report fails the run: UBSan does not recover,
# and ASan aborts on the first error and checks for leaks at exit.
# Usage: sanitize.sh [build-dir]   (default <repo>/build-sanitize)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$repo/build-sanitize}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  # No -Werror here: g++ 12 warns falsely inside <regex> when instrumented
  # (-Wmaybe-uninitialized); the normal build enforces warnings.
  cmake -S "$repo" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPURECC_BUILD_TOOL=OFF -DPURECC_BUILD_BENCH=OFF \
    -DPURECC_SANITIZE=address,undefined > /dev/null
fi
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target purecc_runtime_tests
echo "== CTest under AddressSanitizer + UndefinedBehaviorSanitizer =="
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$build" --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" | tee "$build/ctest.log"
status=${PIPESTATUS[0]}
summary=$(grep -Eo '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$build/ctest.log" || true)
echo "purecc sanitizers: ${summary:-no tests ran}"
exit "$status"
