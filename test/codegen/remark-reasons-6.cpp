// Never silent, and the true reason (6): a pure function named as a value
// (handed to a view, which calls it) makes a loop one a user expects a remark
// about, as the same call written in a lambda does (adv74 F1); a virtual
// member that may throw is refused for the override purecc does not see, not
// for the body it does see (adv74 F2), and 'final' or 'noexcept' lets it run
// as a map, as does a call on an element of a std::vector of the class (its
// dynamic type is its own). A C++20 range algorithm says that the iterator form is what is
// rewritten (adv76 F2: no remark); an algorithm whose argument is a macro is
// rewritten (adv76 F3: "it is written in a macro"); a loop printing with
// 'std::cout' performs I/O (adv75 F3: "'cout' is written ... in a form no
// transformation recognizes"); a minimum of a pair says its type is what
// keeps it serial (adv76 F5).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <numeric>
#include <ranges>
#include <utility>
#include <vector>

#define ZERO 0L

[[pure]] long work(int x) {
  long s = 0;
  for (int i = 0; i < x * 100; ++i)
    s += i % 7;
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

struct Shape {
  virtual ~Shape() = default;
  [[pure]] virtual long area() const = 0;
};
struct Sq : Shape {
  long s = 0;
  [[pure]] long area() const override { return work(int(s)); }
};
struct Tri final : Shape {
  long s = 0;
  [[pure]] long area() const override { return work(int(s)) / 2; }
};
struct Hex : Shape {
  long s = 0;
  [[pure]] long area() const noexcept override { return work(int(s)) * 3; }
};

int main() {
  std::vector<int> v(300);
  for (int i = 0; i < 300; ++i)
    v[i] = i % 13;
  long a = 0, b = 0;
  for (long w : v | std::views::transform([](int x) { return work(x); }))
    a += w;
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range is not a named array or random-access standard container [purecc-missed-reduction]
  for (long w : v | std::views::transform(work))
    b += w;
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range is not a named array or random-access standard container [purecc-missed-reduction]
  // The view kept in a local first calls 'work' all the same (adv100 F2:
  // no remark at all).
  auto kept = v | std::views::transform(work);
  long kb = 0;
  for (long w : kept)
    kb += w;
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range 'kept' is a 'transform_view<views::all_t<vector<int, allocator<int>> &>, long (*)(int)>', which is neither an array nor a random-access standard container [purecc-missed-reduction]
  b += kb - b;

  std::vector<Sq> q(200);
  std::vector<Tri> t(200);
  std::vector<Hex> h(200);
  for (int i = 0; i < 200; ++i) {
    q[i].s = t[i].s = h[i].s = i % 17;
  }
  std::vector<long> qa(200), ta(200), ha(200), pa(200);
  // Through a pointer, the object may be of any class derived from Shape.
  std::vector<const Shape *> p(200);
  for (int i = 0; i < 200; ++i)
    p[i] = &q[i];
  for (int i = 0; i < 200; ++i)
    pa[i] = p[i]->area();
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'area' (virtual: an override purecc does not see may run; 'final' or 'noexcept' on it would rule that out) may throw, and the serial loop does not run the later iterations then [purecc-missed-map]
  // An element of a std::vector<Sq> is an Sq: its own 'area' runs (adv77).
  for (int i = 0; i < 200; ++i)
    qa[i] = q[i].area();
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'qa' [purecc-parallel-map]
  for (int i = 0; i < 200; ++i)
    ta[i] = t[i].area();
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'ta' [purecc-parallel-map]
  for (int i = 0; i < 200; ++i)
    ha[i] = h[i].area();
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'ha' [purecc-parallel-map]
  std::vector<long> o(300);
  std::ranges::transform(v, o.begin(), [](int x) { return work(x); });
  // REMARK: remark-reasons-6.cpp:[[@LINE-1]]:3: remark: call to 'std::ranges::transform' not parallelized: purecc rewrites the standard algorithms in their iterator form ('std::transform(v.begin(), v.end(), ...)'), not the std::ranges ones [purecc-missed-algorithm]
  long c = std::ranges::count_if(v, [](int x) { return work(x) > 100; });
  // REMARK: remark-reasons-6.cpp:[[@LINE-1]]:12: remark: call to 'std::ranges::count_if' not parallelized: purecc rewrites the standard algorithms in their iterator form ('std::count_if(v.begin(), v.end(), ...)'), not the std::ranges ones [purecc-missed-algorithm]
  long z = std::transform_reduce(v.begin(), v.end(), ZERO, std::plus<>(), [](int x) { return work(x); });
  // REMARK: remark-reasons-6.cpp:[[@LINE-1]]:12: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  for (int i = 0; i < 3; ++i)
    std::cout << work(i + 5) << ' ';
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body performs I/O on 'cout' ('std::cout << work(i + 5) << ' ''), which must happen in the serial loop's order [purecc-missed-reduction]
  std::cout << '\n';
  std::pair<long, int> best{1L << 40, -1};
  for (int i = 0; i < 300; ++i)
    best = std::min(best, std::pair{work(i % 13), i});
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'best' is a 'std::pair<long, int>', whose minimum ('best = std::min(best, std::pair{work(i % 13), i})') is not combined: a minimum or maximum is, of arithmetic values, whose order purecc knows (NaN and ties included); keep the key in a variable of its own ('if (e < key) { key = e; best = ...; }') [purecc-missed-reduction]
  std::pair<long, int> top{-1, -1};
  for (int i = 0; i < 300; ++i)
    top = std::max(top, std::pair{work(i % 13), i});
  // REMARK: remark-reasons-6.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'top' is a 'std::pair<long, int>', whose maximum ('top = std::max(top, std::pair{work(i % 13), i})') is not combined: a minimum or maximum is, of arithmetic values, whose order purecc knows (NaN and ties included); keep the key in a variable of its own ('if (e > key) { key = e; top = ...; }') [purecc-missed-reduction]
  std::printf("%ld %d %ld %d\n", best.first, best.second, top.first, top.second);
  std::printf("%ld %ld %ld %ld %ld %ld %ld %ld %ld\n", a, b, qa[199], ta[199], ha[199], o[299], c, z,
              pa[199]);
  // OUT: 1494 1795 2100
  // OUT-NEXT: 0 0 3594 298
  // OUT-NEXT: 537027 537027 3594 1797 10782 0 276 537027 3594
}
