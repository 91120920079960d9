// Comparison operators the compiler defines ('= default', and the
// 'operator==' a defaulted 'operator<=>' implies) are judged like the callees
// of a [[pure]] function, so a loop comparing such objects is rewritten
// (adv76 F1: "'Q::operator<=>' is not known to be pure"); one whose members
// compare impurely stays serial. A selection of a whole object by its class's
// comparison is not one purecc makes, and its remark says what to write.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <compare>
#include <cstdio>

[[pure]] long cost(long i) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (i * k) % 11;
  return s;
}

struct Q {
  long c;
  auto operator<=>(const Q &) const = default;
};
struct E {
  long c;
  bool operator==(const E &) const = default;
};
long compared = 0;
struct Counted {
  long v;
  bool operator==(const Counted &o) const {
    ++compared;
    return v == o.v;
  }
};
struct C {
  Counted m;
  bool operator==(const C &) const = default;
};

int main() {
  long less = 0, equal = 0, implied = 0, counted = 0;
  for (long i = 0; i < 4000; ++i)
    if (Q{cost(i)} < Q{1000})
      ++less;
  // REMARK: defaulted-comparisons.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'less' [purecc-reduction]
  for (long i = 0; i < 4000; ++i)
    if (E{cost(i)} == E{1000})
      ++equal;
  // REMARK: defaulted-comparisons.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'equal' [purecc-reduction]
  for (long i = 0; i < 4000; ++i)
    if (Q{cost(i)} == Q{1000})
      ++implied;
  // REMARK: defaulted-comparisons.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'implied' [purecc-reduction]
  for (long i = 0; i < 4000; ++i)
    if (C{{cost(i)}} == C{{1000}})
      ++counted;
  // REMARK: defaulted-comparisons.cpp:[[@LINE-3]]:3: remark: loop not parallelized: 'C::operator==' is not known to be pure [purecc-missed-reduction]
  Q best{1L << 60};
  for (long i = 0; i < 4000; ++i) {
    Q q{cost(i)};
    if (q < best)
      best = q;
  }
  // REMARK: defaulted-comparisons.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'best' is overwritten in the loop body ('best = q'): a variable from outside the loop is combined only by updates such as 'best += e' or a maximum, or a selection, which compares arithmetic values: 'q < best' compares 'Q' objects by their 'operator<=>'; keep the key in a variable beside 'best' ('if (e < key) { key = e; best = ...; }') [purecc-missed-reduction]
  std::printf("%ld %ld %ld %ld %ld %ld\n", less, equal, implied, counted, compared, best.c);
  // OUT: 364 0 0 0 4000 0
}
