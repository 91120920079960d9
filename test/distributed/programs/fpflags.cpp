// fpflags.cpp — floating-point exception flags raised inside a distributed
// reduction and inside parallel calls, read with fetestexcept after them.
// purecc rewrites it with -DPURECC_DISTRIBUTED (dist_fpflags); the same
// source built by the compiler alone is the serial program (serial_fpflags,
// test/distributed/CMakeLists.txt). fpflags_tests.sh compares their lines.
//   fpflags <none|overflow|underflow|inexact|divbyzero|invalid|kept|calls> [n]
// One term in n raises the mode's flag (`kept`: none, but the flag
// FE_UNDERFLOW is set before the loop; `calls`: a leaf of a call tree
// overflows); every term's value is an exact small integer, so the sum
// raises nothing itself and rank 0 combining node results cannot raise
// the flag in a worker's place.
#include <cfenv>
#include <cstdio>
#include <cstdlib>
#include <string>

// The index whose term raises its flag (any node travels when rank 0 only
// coordinates; the call tree's leaf 0 is in the first branch shipped).
constexpr long kLoopAt = 150001;

// Kinds of terms: which flag the term at `at` raises.
enum Kind : int { kNone, kOverflow, kUnderflow, kInexact, kDivByZero, kInvalid };

// `zero` and `one` come from main's volatile reads: the compiler cannot
// fold the operations below, which must raise their flags at run time.
[[pure]] long term(long i, long at, int kind, double zero, double one) {
  if (i != at || kind == kNone)
    return i % 7;
  double y = 0.0;
  if (kind == kOverflow) {
    const double big = one * 1e300;
    y = big * big; // inf: FE_OVERFLOW | FE_INEXACT
  } else if (kind == kUnderflow) {
    const double tiny = one * 1e-300;
    y = tiny * tiny; // 0: FE_UNDERFLOW | FE_INEXACT
  } else if (kind == kInexact) {
    y = one / 3.0; // FE_INEXACT
  } else if (kind == kDivByZero) {
    y = one / zero; // inf: FE_DIVBYZERO
  } else {
    y = zero / zero; // NaN: FE_INVALID
  }
  return y == y ? 1 : 2;
}

// A call tree of 2^depth leaves, numbered left to right; leaf `at` raises.
[[pure]] long walk(int depth, long leaf, long at, int kind, double zero, double one) {
  if (depth == 0)
    return term(leaf, at, kind, zero, one);
  return walk(depth - 1, 2 * leaf, at, kind, zero, one) +
         walk(depth - 1, 2 * leaf + 1, at, kind, zero, one);
}

int main(int argc, char **argv) {
  const std::string what = argc > 1 ? argv[1] : "none";
  const long n = argc > 2 ? std::atol(argv[2]) : 400000;
  volatile double vzero = 0.0, vone = 1.0;
  const double zero = vzero, one = vone;
  int kind = kNone;
  if (what == "overflow" || what == "calls")
    kind = kOverflow;
  else if (what == "underflow")
    kind = kUnderflow;
  else if (what == "inexact")
    kind = kInexact;
  else if (what == "divbyzero")
    kind = kDivByZero;
  else if (what == "invalid")
    kind = kInvalid;
  std::feclearexcept(FE_ALL_EXCEPT);
  if (what == "kept")
    std::feraiseexcept(FE_UNDERFLOW);
  long s = 0;
  if (what == "calls") {
    s = walk(16, 0, 0, kind, zero, one);
  } else {
    for (long i = 0; i < n; ++i)
      s += term(i, kLoopAt, kind, zero, one);
  }
  const int f = std::fetestexcept(FE_ALL_EXCEPT);
  std::printf("%s sum %ld flags invalid=%d divbyzero=%d overflow=%d underflow=%d inexact=%d\n",
              what.c_str(), s, (f & FE_INVALID) != 0, (f & FE_DIVBYZERO) != 0,
              (f & FE_OVERFLOW) != 0, (f & FE_UNDERFLOW) != 0, (f & FE_INEXACT) != 0);
  return 0;
}
