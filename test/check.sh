#!/usr/bin/env bash
# Runs every test: CTest (GoogleTest suites of the runtime) and lit (analysis,
# codegen and driver tests), prints both runners' summaries, then one plain
# closing line for the whole suite. Exit status: 0 only if both passed.
# Usage: check.sh <build-dir>
set -u
build=${1:?usage: check.sh <build-dir>}
jobs=$(nproc 2>/dev/null || echo 2)
status=0

echo "== CTest (runtime unit tests) =="
ctest --test-dir "$build" --output-on-failure -j "$jobs" | tee "$build/ctest.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

lit_passed=0 lit_failed=0
if [ -f "$build/test/lit.site.cfg.py" ]; then
  echo "== lit (analysis, codegen, driver) =="
  "${PYTHON:-python3}" "${LIT:-/usr/lib/llvm-19/build/utils/lit/lit.py}" -sv \
      "$build/test" | tee "$build/lit.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  lit_passed=$(awk -F: '/^ *(Passed|Expectedly Failed) *:/ {n += $2} END {print n+0}' "$build/lit.log")
  lit_failed=$(awk -F: '/^ *(Failed|Unexpectedly Passed|Unresolved|Timed Out) *:/ {n += $2} END {print n+0}' "$build/lit.log")
fi

ct_total=$(grep -Eo 'tests failed out of [0-9]+' "$build/ctest.log" | grep -Eo '[0-9]+$' || echo 0)
ct_failed=$(grep -Eo '[0-9]+ tests failed out of' "$build/ctest.log" | grep -Eo '^[0-9]+' || echo 0)
passed=$(( ${lit_passed:-0} + ${ct_total:-0} - ${ct_failed:-0} ))
failed=$(( ${lit_failed:-0} + ${ct_failed:-0} ))
[ "$failed" -eq 0 ] || status=1
echo
echo "purecc: $passed passed, $failed failed"
exit $status
