// The library runs the callables it is given with what it is given: a
// `std::function`, a bind object, `std::bind_front`, `std::for_each` over
// reference wrappers. A callable that may keep an address (a lambda storing
// `v.data()` into a captured pointer) keeps the address of what reaches it
// (adv49 t40, t42, t43, t45: the histogram that reads `p[0]` was rewritten
// and printed a flat histogram). A callable that keeps none (a comparator,
// a lambda adding into a captured number) is no escape: the loops after it
// are still rewritten.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using V = std::vector<long>;

[[pure]] long heavy(long i) {
  long x = i;
  for (int k = 0; k < 200; ++k)
    x = (x * 1103515245 + 12345) % 1000003;
  return x;
}

void show(const V &h) {
  for (long x : h)
    std::printf("%ld ", x);
  std::printf("\n");
}

int main() {
  {
    V hist(16, 0);
    const long *p = nullptr;
    auto grab = [&p](const V &v) { p = v.data(); };
    std::function<void(const V &)> f = grab;
    f(hist);
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + p[0]) % 16];
    // REMARK: escapes-library-callables.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    show(hist);
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    auto grab = [&p](const V &v) { p = v.data(); };
    std::bind(grab, std::cref(hist))();
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + p[0]) % 16];
    // REMARK: escapes-library-callables.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    show(hist);
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    auto grab = [&p](const V &v) { p = v.data(); };
    std::bind_front(grab, std::cref(hist))();
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + p[0]) % 16];
    // REMARK: escapes-library-callables.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    show(hist);
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    std::vector<std::reference_wrapper<const V>> rs{std::cref(hist)};
    std::for_each(rs.begin(), rs.end(), [&p](const V &v) { p = v.data(); });
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + p[0]) % 16];
    // REMARK: escapes-library-callables.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    show(hist);
  }
  {
    // Callables that keep no address.
    V hist(16, 0), keys(16, 0);
    long sum = 0;
    std::for_each(hist.begin(), hist.end(), [&sum](long x) { sum += x; });
    std::sort(keys.begin(), keys.end(), [](long a, long b) { return a > b; });
    for (long i = 0; i < 20000; ++i)
      ++hist[heavy(i) % 16];
    // REMARK: escapes-library-callables.cpp:[[@LINE-2]]:5: remark: loop rewritten as a parallel reduction of the elements of 'hist' (a private copy per leaf) [purecc-array-reduction]
    for (long i = 0; i < 16; ++i)
      keys[std::size_t(i)] = heavy(i) + sum;
    // REMARK: escapes-library-callables.cpp:[[@LINE-2]]:5: remark: loop rewritten as a parallel map over 'keys' [purecc-parallel-map]
    show(hist);
    std::printf("%ld\n", keys[3]);
  }
  return 0;
}
// OUT: 544 1956 69 2432 137 2363 204 2295 273 2228 342 2159 410 2090 476 2022
// OUT-NEXT: 544 1956 69 2432 137 2363 204 2295 273 2228 342 2159 410 2090 476 2022
// OUT-NEXT: 544 1956 69 2432 137 2363 204 2295 273 2228 342 2159 410 2090 476 2022
// OUT-NEXT: 544 1956 69 2432 137 2363 204 2295 273 2228 342 2159 410 2090 476 2022
// OUT-NEXT: 1252 1250 1250 1249 1249 1250 1250 1251 1250 1251 1250 1249 1249 1249 1251 1250
// OUT-NEXT: 351125
