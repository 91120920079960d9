// lcs.cpp — the longest common subsequence of two random DNA strings of
// length n (n = 20), by the textbook recursion marked [[purecc::memo]].
// Compiled as is, the recursion is exponential (the serial baseline is the
// original program, where the attribute means nothing); purecc routes every
// call through its memo cache, which makes it (n+1)^2 distinct calls. The
// serial original of the suite's lcs.
#include <algorithm>
#include <cstdint>

#include "suite.h"

// Letter i of each string: a hash, so the strings need no storage.
[[pure]] int letter_a(int i) { return static_cast<int>(suite::mix(static_cast<std::uint64_t>(i)) % 4); }
[[pure]] int letter_b(int j) {
  return static_cast<int>(suite::mix(static_cast<std::uint64_t>(j) ^ 0x5bd1e995ULL) % 4);
}

// The LCS length of the first i letters of a and the first j letters of b.
[[pure]] [[purecc::memo]] int lcs(int i, int j) {
  if (i == 0 || j == 0) return 0;
  if (letter_a(i - 1) == letter_b(j - 1)) return 1 + lcs(i - 1, j - 1);
  return std::max(lcs(i - 1, j), lcs(i, j - 1));
}

#ifndef PURECC_SUITE_VARIANT
int main(int argc, char** argv) {
  int n = static_cast<int>(suite::size_arg(argc, argv, 20));
  suite::timer t;
  long r = lcs(n, n);
  suite::report(r, t);
}
#endif
