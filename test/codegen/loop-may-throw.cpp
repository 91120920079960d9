// A loop whose body may throw stays serial: its iterations would run at
// once, so a later one may start before an earlier one throws, a call the
// serial loop never makes then. Found by adv17: the sum below throws at
// index 10 and never ends from index 900 on; rewritten as a parallel
// reduction it hung at 2 and 4 threads (the chunk holding 900 had already
// started). endless() never returns, so the e2e run ends only if every
// loop here fails as fast as the serial one. Bodies that cannot throw
// (noexcept callees, a copy of an existing std::vector) are still rewritten.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

// Counts 1, 2, 3, ... and wraps from 10^9 back to 1: never ends for a <= 0.
[[pure]] long endless(long a) {
  long s = 0, i = 1;
  while (i != a) {
    s += i % 7;
    i = i < 1000000000 ? i + 1 : 1;
  }
  return s;
}

[[pure]] long work(long i, long bad) {
  if (i == bad)
    throw std::runtime_error("bad input at " + std::to_string(i));
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (k * k + i) % 7;
  return i >= 900 ? s + endless(bad - i) : s;
}

[[pure]] long quiet(long i) noexcept {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (k * k + i) % 7;
  return s;
}

// Takes a copy of the vector: the copy cannot pass the size limit.
[[pure]] long sum_copy(std::vector<long> v, long i) {
  long s = i;
  for (long x : v)
    s += x % 5;
  // REMARK: loop-may-throw.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

[[pure]] std::string piece(long i, long bad) {
  if (i == bad)
    throw std::invalid_argument("no piece " + std::to_string(i));
  return i >= 900 ? std::to_string(endless(bad - i)) : std::string(1, char('a' + i % 26));
}

int main(int argc, char **) {
  const long n = 1000, bad = 9 + argc; // throws at index 10
  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += work(i, bad);
    // REMARK: loop-may-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'work' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("sum %ld\n", s);
  } catch (const std::exception &e) {
    std::printf("sum: %s\n", e.what());
  }
  try {
    std::vector<long> out(n);
    for (long i = n - 1; i >= 0; --i)
      out[std::size_t(i)] = work(n - 1 - i, bad);
    // REMARK: loop-may-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'work' may throw, and the serial loop does not run the later iterations then [purecc-missed-map]
    std::printf("map %ld\n", out[0]);
  } catch (const std::exception &e) {
    std::printf("map: %s\n", e.what());
  }
  try {
    long best = -1, arg = -1;
    for (long i = 0; i < n; ++i) {
      long d = work(i, bad);
      if (d > best) {
        best = d;
        arg = i;
      }
    }
    // REMARK: loop-may-throw.cpp:[[@LINE-7]]:5: remark: loop not parallelized: 'work' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("argmax %ld %ld\n", best, arg);
  } catch (const std::exception &e) {
    std::printf("argmax: %s\n", e.what());
  }
  try {
    std::vector<long> idx(n);
    for (long i = 0; i < n; ++i)
      idx[std::size_t(i)] = i;
    long s = 0;
    for (long i : idx)
      s += work(i, bad);
    // REMARK: loop-may-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'work' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("range-for %ld\n", s);
    std::vector<long> t(n);
    std::transform(idx.begin(), idx.end(), t.begin(), [bad](long i) { return work(i, bad); });
    // REMARK: loop-may-throw.cpp:[[@LINE-1]]:5: remark: call to 'std::transform' not parallelized: the function applied may throw, and the serial algorithm does not apply it to the later elements then [purecc-missed-algorithm]
    std::printf("transform %ld\n", t[0]);
  } catch (const std::exception &e) {
    std::printf("range-for: %s\n", e.what());
  }
  try {
    std::string s;
    for (long i = 0; i < n; ++i)
      s += piece(i, bad);
    // REMARK: loop-may-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'piece' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("concat %zu\n", s.size());
  } catch (const std::exception &e) {
    std::printf("concat: %s\n", e.what());
  }

  // Cannot throw: still parallel.
  long q = 0;
  for (long i = 0; i < n; ++i)
    q += quiet(i);
  // REMARK: loop-may-throw.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'q' [purecc-reduction]
  const std::vector<long> v{3, 1, 4, 1, 5, 9, 2, 6};
  long c = 0;
  for (long i = 0; i < n; ++i)
    c += sum_copy(v, i);
  // REMARK: loop-may-throw.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  std::printf("quiet %ld %ld\n", q, c);
  return 0;
}
// OUT:      sum: bad input at 10
// OUT-NEXT: map: bad input at 10
// OUT-NEXT: argmax: bad input at 10
// OUT-NEXT: range-for: bad input at 10
// OUT-NEXT: concat: no piece 10
// OUT-NEXT: quiet {{[0-9]+}} {{[0-9]+}}
