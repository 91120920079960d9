#!/usr/bin/env bash
# End-to-end check of one program (see ../lit.local.cfg for the contract).
#   e2e.sh <purecc> <g++> <clang++> <runtime include dir> "<runtime link flags>"
#          <source> <scratch prefix> [purecc options...]
set -u
purecc=$1 gxx=$2 clangxx=$3 rt_include=$4 rt_link=$5 src=$6 tmp=$7
shift 7
std="-std=c++20"
# The tests' shared helpers (digest.h, show.h) live beside
# this script; the rewritten copy is written under the scratch prefix, away
# from the test, so every compile is told where they are.
inputs=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# E2E_CPPFLAGS: preprocessor flags (e.g. "-DN=2000") a build would give every
# compile, purecc's included: test/codegen/command-line-macros.cpp.
cppflags=${E2E_CPPFLAGS:-}

fail() { echo "e2e: $*" >&2; exit 1; }

"$purecc" rewrite "$@" "$src" -o "$tmp.out.cpp" -- $std $cppflags -I"$rt_include" -I"$inputs" ||
  fail "purecc rewrite failed"
# The input has purecc's attributes, which compilers do not know: -w.
"$gxx" $std $cppflags -O1 -w -I"$inputs" "$src" -o "$tmp.orig" || fail "the input does not compile"
"$tmp.orig" > "$tmp.expected" 2> "$tmp.expected.stderr"
expected_status=$?

for cxx in "$gxx" "$clangxx"; do
  name=$(basename "${cxx%% *}")
  # g++ compiles what a user compiles. clang++ also sees the runtime
  # headers' own warnings, which they hide from users ('#pragma GCC
  # system_header'; clang's -Wshadow ignores shadowed globals, which g++'s
  # reports: test shadow-free-globals.cpp).
  own=""
  [ "$cxx" = "$clangxx" ] && own="-DPURECC_RUNTIME_OWN_WARNINGS"
  $cxx $std $cppflags $own -O1 -Wall -Wextra -Wshadow -Werror -fopenmp -I"$rt_include" -I"$inputs" "$tmp.out.cpp" $rt_link \
    -o "$tmp.$name" || fail "the output does not compile warning-free with $name"
  for threads in 1 2 4; do
    # E2E_TIMEOUT (seconds): a test of a former hang fails instead of
    # stalling the suite. A liveness bound, far above any normal run.
    OMP_NUM_THREADS=$threads ${E2E_TIMEOUT:+timeout "$E2E_TIMEOUT"} "$tmp.$name" \
      > "$tmp.actual" 2> "$tmp.actual.stderr"
    status=$?
    [ -n "${E2E_TIMEOUT:-}" ] && [ "$status" = 124 ] &&
      fail "$name, $threads threads: no end after $E2E_TIMEOUT s (a hang)"
    [ "$status" = "$expected_status" ] ||
      fail "$name, $threads threads: exit status $status, expected $expected_status"
    diff -u "$tmp.expected" "$tmp.actual" ||
      fail "$name, $threads threads: output differs from the unrewritten program"
  done
done
cat "$tmp.expected"
