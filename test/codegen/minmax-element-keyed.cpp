// std::min_element, std::max_element and std::minmax_element whose
// comparator is a lambda comparing one key of each argument
// (`return cost(a) < cost(b);`) compute the keys in parallel and run the
// library's own scan over them (purecc/keyed_selection.h): every
// comparison gets the serial answer, so the element found is the serial
// one also where a tree of partial scans is not, for a `<` that is no
// strict weak ordering. Over doubles {3, NaN, ..., NaN, 1} the serial scan
// keeps 3 past the NaNs (it compares each element with the best so far
// only) and then takes 1; partial scans over [3] and [NaN ... 1] give 3
// and NaN (nothing is less than a NaN best), and the combine keeps 3.
// Ties (first or last kept, by `<` or `<=`), NaN and -0.0/+0.0 keys,
// minmax_element's last largest, reversed, empty, one-element and pointer
// ranges, a struct element, captures. A comparator that may throw, is not
// pure, compares two different keys, is a generic lambda, or a range
// that is not random-access stays serial with the reason.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefixes=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <list>
#include <stdexcept>
#include <vector>

// A key worth computing in parallel (it runs a loop), with many ties.
[[pure]] long cost(long x) {
  long h = x;
  for (int k = 0; k < 40; ++k)
    h = (h * 31 + k) % 1000003;
  return h % 97;
}
// The double itself, NaN and the sign of a zero kept, after a loop.
[[pure]] double same(double x) {
  double r = x;
  for (int k = 0; k < 40; ++k)
    r = r * 1.0;
  return r;
}
[[pure]] long weighted(long x, long w) {
  long h = x;
  for (int k = 0; k < 40; ++k)
    h = (h * w + k) % 10007;
  return h % 89;
}
[[pure]] long checked(long x) {
  if (x > 90)
    throw std::domain_error("too large");
  return cost(x);
}

struct Item {
  long id;
  double w;
};

long calls = 0;
long bump() { return ++calls * 0; }

int main() {
  const long n = 3001;
  std::vector<long> v(n);
  for (long i = 0; i < n; ++i)
    v[i] = (i * 7919) % 1009;
  auto at = [&](std::vector<long>::const_iterator it) { return long(it - v.cbegin()); };

  // The first smallest, the first largest; minmax: first smallest, last largest.
  auto lo = std::min_element(v.cbegin(), v.cend(), [](long a, long b) { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:80: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  auto hi = std::max_element(v.cbegin(), v.cend(), [](long a, long b) { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:13: remark: call to 'std::max_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:80: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  auto [mn, mx] = std::minmax_element(v.cbegin(), v.cend(), [](long a, long b) { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:19: remark: call to 'std::minmax_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:89: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  std::printf("min %ld max %ld minmax %ld %ld\n", at(lo), at(hi), at(mn), at(mx));
  // OUT: min 123 max 109 minmax 123 2994

  // `<=` keeps the last smallest; a mirrored `>`; `>=` the last largest.
  long last_lo = at(std::min_element(v.cbegin(), v.cend(), [](long a, long b) { return cost(a) <= cost(b); }));
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:21: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:88: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  long mirrored = at(std::min_element(v.cbegin(), v.cend(), [](long a, long b) { return cost(b) > cost(a); }));
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:22: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:89: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  long last_hi = at(std::max_element(v.cbegin(), v.cend(), [](long a, long b) { return cost(a) <= cost(b); }));
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:21: remark: call to 'std::max_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:88: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  auto [gmn, gmx] = std::minmax_element(v.cbegin(), v.cend(), [](long a, long b) { return cost(a) >= cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:21: remark: call to 'std::minmax_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:91: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  std::printf("last min %ld, mirrored %ld, last max %ld, minmax by >= %ld %ld\n", last_lo, mirrored,
              last_hi, at(gmn), at(gmx));
  // OUT-NEXT: last min 2383, mirrored 123, last max 2994, minmax by >= 2994 123

  // Reversed: the first smallest from the end.
  auto r = std::min_element(v.crbegin(), v.crend(), [](long a, long b) { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:12: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:81: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  std::printf("reversed %ld\n", long(std::distance(v.crbegin(), r)));
  // OUT-NEXT: reversed 617

  // Empty, one element, a pointer range, an array.
  long empty = at(std::min_element(v.cbegin(), v.cbegin(), [](long a, long b) { return cost(a) < cost(b); }));
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:19: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:88: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  auto [e1, e2] = std::minmax_element(v.cbegin() + 5, v.cbegin() + 6, [](long a, long b) { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:19: remark: call to 'std::minmax_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:99: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  const long *p = v.data();
  const long *pm = std::max_element(p + 1, p + n - 1, [](long a, long b) { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:20: remark: call to 'std::max_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:83: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  long arr[500];
  for (long i = 0; i < 500; ++i)
    arr[i] = v[i + 1000];
  long *am = std::min_element(std::begin(arr), std::end(arr), [](long a, long b) { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:14: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:91: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  std::printf("empty %ld, one %ld %ld, pointers %ld, array %ld\n", empty, at(e1), at(e2),
              long(pm - p), long(am - arr));
  // OUT-NEXT: empty 0, one 5 5, pointers 109, array 132

  // Doubles: {3, NaN x 1500, 1, ...}: the serial scan skips the NaNs and takes 1.
  std::vector<double> d(n, 2.0);
  d[0] = 3.0;
  for (long i = 1; i <= 1500; ++i)
    d[i] = std::nan("");
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'd' [purecc-parallel-map]
  d[1501] = 1.0;
  auto dat = [&](std::vector<double>::const_iterator it) { return long(it - d.cbegin()); };
  auto less = [](double a, double b) { return same(a) < same(b); };
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:47: remark: calls to 'same' and 'same' run in parallel [purecc-parallel-calls]
  long nan_lo = dat(std::min_element(d.cbegin(), d.cend(), [](double a, double b) { return same(a) < same(b); }));
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:21: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:92: remark: calls to 'same' and 'same' not parallelized: the call to 'same' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  long nan_hi = dat(std::max_element(d.cbegin(), d.cend(), [](double a, double b) { return same(a) < same(b); }));
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:21: remark: call to 'std::max_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:92: remark: calls to 'same' and 'same' not parallelized: the call to 'same' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  auto [dmn, dmx] = std::minmax_element(d.cbegin(), d.cend(), [](double a, double b) { return same(a) < same(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:21: remark: call to 'std::minmax_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:95: remark: calls to 'same' and 'same' not parallelized: the call to 'same' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  std::printf("NaNs: min %ld max %ld minmax %ld %ld (by a stored lambda: %ld)\n", nan_lo,
              nan_hi, dat(dmn), dat(dmx), dat(std::min_element(d.cbegin(), d.cend(), less)));
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:47: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // OUT-NEXT: NaNs: min 1501 max 0 minmax 1502 3000 (by a stored lambda: 1501)

  // A NaN first element is kept; -0.0 and +0.0 tie, the first (or last) is kept.
  for (long i = 0; i < n; ++i)
    d[i] = i % 7 == 0 ? -std::nan("") : i % 5 == 0 ? (i % 2 ? -0.0 : 0.0) : 1.0 + double(i % 3);
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'd' [purecc-parallel-map]
  long nan_first = dat(std::min_element(d.cbegin(), d.cend(), [](double a, double b) { return same(a) < same(b); }));
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:24: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:95: remark: calls to 'same' and 'same' not parallelized: the call to 'same' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-3]]:20: remark: calls to 'dat' and 'dat' not parallelized: 'printf' between them is not known to be pure: it may write what the call to 'dat' reads [purecc-missed-parallel-calls]
  d[0] = 5.0;
  auto z = std::min_element(d.cbegin(), d.cend(), [](double a, double b) { return same(a) < same(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:12: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:83: remark: calls to 'same' and 'same' not parallelized: the call to 'same' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  auto zl = std::min_element(d.cbegin(), d.cend(), [](double a, double b) { return same(a) <= same(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:84: remark: calls to 'same' and 'same' not parallelized: the call to 'same' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  auto [zmn, zmx] = std::minmax_element(d.cbegin(), d.cend(), [](double a, double b) { return same(a) < same(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:21: remark: call to 'std::minmax_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:95: remark: calls to 'same' and 'same' not parallelized: the call to 'same' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  std::printf("NaN first %ld, zeros: first %ld (%s), last %ld (%s), minmax %ld %ld\n", nan_first,
              dat(z), std::signbit(*z) ? "-0" : "+0", dat(zl), std::signbit(*zl) ? "-0" : "+0",
              dat(zmn), dat(zmx));
  // OUT-NEXT: NaN first 0, zeros: first 5 (-0), last 3000 (+0), minmax 5 2999

  // A struct element keyed by a member; a captured weight.
  std::vector<Item> items(n);
  for (long i = 0; i < n; ++i)
    items[i] = Item{v[i], double(i)};
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'items' [purecc-parallel-map]
  auto ib = std::max_element(items.begin(), items.end(), [](const Item &a, const Item &b) { return cost(a.id) < cost(b.id); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:13: remark: call to 'std::max_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:100: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  auto iw = std::min_element(items.begin(), items.end(), [](const Item &a, const Item &b) { return a.w < b.w; });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' not parallelized: each step is one call of a comparator that runs no loop, too little work to share: the work worth sharing is computing the elements [purecc-missed-algorithm]
  long w = 13;
  auto cw = std::min_element(v.cbegin(), v.cend(), [&w](long a, long b) { return weighted(a, w) < weighted(b, w); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:82: remark: calls to 'weighted' and 'weighted' not parallelized: the call to 'weighted' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  std::printf("struct %g (%ld), cheap %g, captured %ld\n", ib->w, ib->id, iw->w, at(cw));
  // OUT-NEXT: struct 109 (476), cheap 0, captured 175

  // Stay serial: a comparator that may throw, one that is not pure, two
  // different keys, a generic lambda, a list.
  std::vector<long> small(v.begin(), v.begin() + 100);
  try {
    auto t = std::min_element(small.begin(), small.end(), [](long a, long b) { return checked(a) < checked(b); });
    // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:14: remark: call to 'std::min_element' not parallelized: 'checked' may throw in the comparator, and the parallel form computes every key in another order than the serial scan [purecc-missed-algorithm]
    // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:87: remark: calls to 'checked' and 'checked' not parallelized: the call to 'checked' comes after another call to 'checked', which may throw [purecc-missed-parallel-calls]
    std::printf("no throw %ld\n", long(t - small.begin()));
  } catch (const std::domain_error &e) {
    std::printf("threw: %s\n", e.what());
  }
  // OUT-NEXT: threw: too large
  auto counted = std::min_element(v.cbegin(), v.cend(), [](long a, long b) { return ++calls, cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:18: remark: call to 'std::min_element' not parallelized: the comparator is not a lambda comparing one arithmetic key of each argument ('return key(a) < key(b);'), and a tree of partial scans finds the serial scan's element only for a strict weak ordering, which purecc cannot check [purecc-missed-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:94: remark: calls to 'cost' and 'cost' run in parallel [purecc-parallel-calls]
  auto unpure = std::min_element(v.cbegin(), v.cend(), [](long a, long b) { return cost(a + bump()) < cost(b + bump()); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:17: remark: call to 'std::min_element' not parallelized: the comparator is not known to be pure [purecc-missed-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:84: remark: calls to 'cost' and 'cost' not parallelized: an argument of 'cost' has side effects [purecc-missed-parallel-calls]
  auto two = std::min_element(v.cbegin(), v.cend(), [](long a, long b) { return cost(a) < cost(b + 1); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:14: remark: call to 'std::min_element' not parallelized: the comparator is not a lambda comparing one arithmetic key of each argument ('return key(a) < key(b);'), and a tree of partial scans finds the serial scan's element only for a strict weak ordering, which purecc cannot check [purecc-missed-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:81: remark: calls to 'cost' and 'cost' run in parallel [purecc-parallel-calls]
  auto gen = std::min_element(v.cbegin(), v.cend(), [](auto a, auto b) { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:14: remark: call to 'std::min_element' not parallelized: the comparator is a generic lambda (a template), whose key purecc does not read, and a tree of partial scans finds the serial scan's element only for a strict weak ordering, which purecc cannot check [purecc-missed-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:53: remark: body of 'operator()' not rewritten: it is a generic lambda (a template) [purecc-not-rewritten]
  std::list<long> l(v.begin(), v.begin() + 200);
  auto li = std::min_element(l.begin(), l.end(), [](long a, long b) { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' not parallelized: the range's iterators are not random-access [purecc-missed-algorithm]
  // REMARK-DAG: minmax-element-keyed.cpp:[[@LINE-2]]:78: remark: calls to 'cost' and 'cost' run in parallel [purecc-parallel-calls]
  std::printf("counted %ld (%ld calls), %ld, two keys %ld, generic %ld, list %ld\n", at(counted),
              calls, at(unpure), at(two), at(gen), long(std::distance(l.begin(), li)));
  // OUT-NEXT: counted 123 (9000 calls), 123, two keys 61, generic 123, list 123
}

