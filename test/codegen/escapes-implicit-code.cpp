// Code that runs with an address no call in the source shows: a generic
// lambda's instance (whose body purecc sees only as a pattern), a callable
// the library keeps and calls later (`std::packaged_task`, `std::thread`),
// a container's comparator or hasher, and what an aggregate runs on its
// own (a destructor, `begin()` of a range-for, `get()` of a structured
// binding, a default member initializer, a member called through a pointer
// to member). Each stores the address of 'hist' into 'p' before a
// histogram that reads through 'p' (adv50 t79, t01, t10, t91, t98, t109,
// t115, t118, t126, t128, t133, t149: every one was rewritten and printed
// another histogram); each stays serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <functional>
#include <future>
#include <queue>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

using V = std::vector<long>;

[[pure]] long heavy(long i) {
  long x = i;
  for (int k = 0; k < 200; ++k)
    x = (x * 1103515245 + 12345) % 1000003;
  return x;
}

long digest(const V &h) {
  long d = 0;
  for (long x : h)
    d = d * 31 + x;
  return d;
}

struct Cmp {
  const long **out;
  bool operator()(const V &a, const V &b) const {
    *out = a.data();
    return a.size() < b.size();
  }
};
struct Hash {
  const long **out;
  std::size_t operator()(const V &v) const {
    *out = v.data();
    return v.size();
  }
};
struct Same {
  bool operator()(const V &a, const V &b) const { return a.size() == b.size(); }
};
struct Guard {
  const V &v;
  const long **out;
  ~Guard() { *out = v.data(); }
};
struct Range {
  const V &v;
  const long **out;
  const long *begin() const {
    *out = v.data();
    return nullptr;
  }
  const long *end() const { return nullptr; }
};
struct Pair {
  const V &v;
  const long **out;
  template <std::size_t K> long get() const {
    *out = v.data();
    return 0;
  }
};
template <> struct std::tuple_size<Pair> : std::integral_constant<std::size_t, 1> {};
template <> struct std::tuple_element<0, Pair> {
  using type = long;
};
struct Early {
  const V &v;
  const long **out;
  int dummy = (*out = v.data(), 0);
};
struct Store {
  const V &v;
  const long **out;
  void store() const { *out = v.data(); }
};

// Nothing keeps the address: still a parallel histogram (a function of its
// own: the storage 'give' takes over above makes every vector of 'main'
// escape).
void plain() {
  // Nothing keeps the address: still a parallel histogram.
  V hist(16, 0);
  auto count = [](const auto &v) { return static_cast<long>(v.size()); };
  long n = count(hist);
  for (long i = 0; i < 20000; ++i)
    ++hist[heavy(i) % 16];
  // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of the elements of 'hist' (a private copy per leaf) [purecc-array-reduction]
  std::printf("plain %ld %ld\n", n, digest(hist));
}

int main() {
  {
    V hist(16, 0);
    const long *p = nullptr;
    auto grab = [&p](const auto &v) { p = v.data(); };
    grab(hist);
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'hist' is read inside the loop body (through 'p', declared on line [[@LINE-5]]) [purecc-missed-reduction]
    std::printf("generic lambda %ld\n", digest(hist));
    // OUT: generic lambda -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    auto grab = [&p](const V &v) { p = v.data(); };
    std::packaged_task<void(const V &)> task(grab);
    task(hist);
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("packaged task %ld\n", digest(hist));
    // OUT-NEXT: packaged task -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    auto grab = [&p](const V &v) { p = v.data(); };
    std::thread th(grab, std::cref(hist));
    th.join();
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("thread %ld\n", digest(hist));
    // OUT-NEXT: thread -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    std::set<std::reference_wrapper<const V>, Cmp> s(Cmp{&p});
    s.insert(std::cref(hist));
    s.insert(std::cref(hist));
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("set %ld\n", digest(hist));
    // OUT-NEXT: set -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    std::priority_queue<std::reference_wrapper<const V>, std::vector<std::reference_wrapper<const V>>, Cmp> q(Cmp{&p});
    q.push(std::cref(hist));
    q.push(std::cref(hist));
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("priority queue %ld\n", digest(hist));
    // OUT-NEXT: priority queue -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    std::unordered_set<std::reference_wrapper<const V>, Hash, Same> s(4, Hash{&p});
    s.insert(std::cref(hist));
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("hasher %ld\n", digest(hist));
    // OUT-NEXT: hasher -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    { Guard g{hist, &p}; }
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("destructor %ld\n", digest(hist));
    // OUT-NEXT: destructor -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    for (long x : Range{hist, &p})
      (void)x;
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("range-for %ld\n", digest(hist));
    // OUT-NEXT: range-for -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    auto [z] = Pair{hist, &p};
    (void)z;
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("binding %ld\n", digest(hist));
    // OUT-NEXT: binding -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    Early e{hist, &p};
    (void)e;
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("member initializer %ld\n", digest(hist));
    // OUT-NEXT: member initializer -7447657756297746926
  }
  {
    V hist(16, 0);
    const long *p = nullptr;
    Store g{hist, &p};
    auto pm = &Store::store;
    (g.*pm)();
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + (p ? p[0] : 0)) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
    std::printf("pointer to member %ld\n", digest(hist));
    // OUT-NEXT: pointer to member -7447657756297746926
  }
  {
    // A generic lambda that takes the storage over (adv50 t147).
    V hist;
    V pool(16, 0);
    const long *p = pool.data();
    auto give = [](auto &&src) { return V(std::move(src)); };
    hist = give(std::move(pool));
    for (long i = 0; i < 20000; ++i)
      ++hist[(heavy(i) + p[0]) % 16];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the address of 'hist' escapes where it is assigned, on line [[@LINE-3]]: the lambda returns storage that its parameter 'src' refers to, and may keep its address [purecc-missed-reduction]
    std::printf("taken over %ld\n", digest(hist));
    // OUT-NEXT: taken over -7447657756297746926
  }
  {
    // Sibling statements, one reading through what a generic lambda kept
    // (adv50 t85): 'lp' holds 'c' (adv51), so the second reads what the
    // first writes, a dependence like any other (no remark).
    const long *lp = nullptr;
    auto hold = [&lp](const auto &x) { lp = &x; };
    long c = 5;
    hold(c);
    c = heavy(3);
    long d = heavy(*lp + 1);
    std::printf("siblings %ld %ld\n", c, d);
    // OUT-NEXT: siblings 351125 570318
  }
  {
    // A map and a loop bound reading through what a generic lambda kept
    // (adv50 t82, t148).
    const long n = 20000;
    V a(n, 1);
    const long *q = nullptr;
    auto keep = [&q](const auto &v) { q = v.data(); };
    keep(a);
    for (long i = 0; i < n; ++i)
      a[i] = heavy(i) % 1000 + q[n - 1 - i];
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'a' is read inside the loop body (through 'q', declared on line [[@LINE-5]]) [purecc-missed-map]
    long s = 20000;
    const long *lp = nullptr;
    auto hold = [&lp](const auto &x) { lp = &x; };
    hold(s);
    for (long j = 0; j < *lp; ++j)
      s += heavy(j) % 2;
    // REMARK: escapes-implicit-code.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the loop's header reads 's' through 'lp', and the loop body changes 's' [purecc-missed-reduction]
    std::printf("kept %ld %ld\n", digest(a), s);
    // OUT-NEXT: kept 3518076119847903833 39987
  }
  plain();
  // OUT-NEXT: plain 16 6148265865050999966
}
