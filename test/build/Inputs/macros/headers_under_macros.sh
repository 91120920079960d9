#!/usr/bin/env bash
# Compiles the runtime's public headers under every macro a user plausibly
# passes on the command line (see test/build/runtime-headers-macros.test):
#   headers_under_macros.sh <runtime include dir> <compiler> [<compiler>...]
# Each compiler parses the umbrella <purecc/purecc.h>; the first also parses
# alone each header of <include dir>/purecc the umbrella does not include
# (one parse per header would be too slow for the suite).
# A rewritten program includes <purecc/purecc.h> first, so a header that
# spells `N` or `T` as a name breaks the user's `-DN=2000` build: the
# headers name things in CamelCase (docs/development.md, "Runtime headers").
# Prints one line per failing compile; exits non-zero if any failed.
set -u
include=$1
shift
# Every upper-case letter, and the names benchmarks and tests like to -D.
macros=()
for letter in {A..Z}; do macros+=("-D$letter=100"); done
for name in NN MM KK TT SIZE LEN LENGTH MAX MIN DEBUG NDEBUG VERBOSE SEED STEPS \
            ITER ITERS REPS RUNS EPS TOL DIM ROWS COLS WIDTH HEIGHT BLOCK BS CHUNK \
            THREADS NT NX NY NZ COUNT NUM SCALE TEST BENCH CHECK LOG ID; do
  macros+=("-D$name=100")
done
flags=(-std=c++20 -fsyntax-only -fopenmp -Wall -Wextra -Wshadow -Werror -I"$include" "${macros[@]}")
status=0
parse() { # <compiler> <header>
  if ! out=$(printf '#include <%s>\n' "$2" | $1 "${flags[@]}" -x c++ - 2>&1); then
    # The first line that points into a header (g++ blames <command-line>).
    where=$(grep -m1 -E '\.h:[0-9]+:[0-9]+: (error|note)' <<<"$out" || grep -m1 error <<<"$out")
    echo "$(basename "${1%% *}") <$2>: $where"
    status=1
  fi
}
for cxx in "$@"; do parse "$cxx" purecc/purecc.h; done
deps=$(printf '#include <purecc/purecc.h>\n' | $1 -std=c++20 -fopenmp -I"$include" -x c++ -M - 2>&1)
for header in "$include"/purecc/*.h; do
  grep -q "purecc/$(basename "$header")" <<<"$deps" || parse "$1" "purecc/$(basename "$header")"
done
exit $status
