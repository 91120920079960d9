#!/usr/bin/env bash
# Rewrites words.cpp with every name the runtime's public headers spell
# defined as a macro, then compiles and runs the rewritten copy
# (test/build/runtime-name-macros.test):
#   names_as_macros.sh <purecc> <runtime include dir> "<runtime link flags>"
#                      <clang -cc1 capable clang> <scratch dir> <c++> [<c++>...]
# The names are found here independently of purecc's own list
# (cmake/RuntimeIdentifiers.cmake): Clang's raw lexer over each header, less
# reserved names (`_Upper`, `__x`), keywords (Clang's lexer again) and the
# names the rewritten copy itself spells (the program's own and the runtime
# entry points the generated code calls: RuntimeMacroShield.h).
# Prints the number of names defined, then each program's output.
set -eu
purecc=$1 include=$2 link=$3 clang=$4 dir=$5
shift 5
inputs=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$dir"
cd "$dir"
for header in "$include"/purecc/*.h; do
  # The raw lexer does not know directives: `#include <cmath>` yields
  # `include` and `cmath`, which are not names the header spells as code.
  # The keywords of `#define` and `#pragma` are not expanded either; the
  # rest of those lines is.
  grep -vE '^[[:space:]]*#[[:space:]]*(include|if|ifdef|ifndef|elif|else|endif|undef|error)' "$header" |
    sed -E 's/^[[:space:]]*#[[:space:]]*(define|pragma)//' |
    "$clang" -cc1 -dump-raw-tokens -x c++ - 2>&1 | sed -nE "s/^raw_identifier '([^']+)'.*/\1/p"
done | sort -u | grep -vE '^_[A-Z_]|__' > raw-names
# Keywords lex as kw_*; names as identifier.
"$clang" -cc1 -std=c++20 -dump-tokens -x c++ raw-names 2>&1 |
  sed -nE "s/^identifier '([^']+)'.*/\1/p" | sort -u > names
"$purecc" rewrite "$inputs/words.cpp" -o plain.cpp -- -std=c++20 -I"$include"
# The copy's own names: everything after the runtime's #include.
sed '1d' plain.cpp | "$clang" -cc1 -dump-raw-tokens -x c++ - 2>&1 |
  sed -nE "s/^raw_identifier '([^']+)'.*/\1/p" | sort -u > spelled
comm -23 names spelled > defined
macros=()
while read -r name; do macros+=("-D$name=purecc_not_a_name"); done < defined
echo "${#macros[@]} names defined"
"$purecc" rewrite "$inputs/words.cpp" -o shielded.cpp -- -std=c++20 -I"$include" "${macros[@]}"
echo "$(grep -c '^#pragma push_macro' shielded.cpp) names shielded"
for cxx in "$@"; do
  $cxx -std=c++20 -O1 -Wall -Wextra -Wshadow -Werror -fopenmp -I"$include" "${macros[@]}" \
    shielded.cpp $link -o program
  OMP_NUM_THREADS=2 PURECC_CACHE_DIR="$dir/cache" ./program
done
