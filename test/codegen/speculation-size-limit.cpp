// std::length_error from a count or a size the program computes (adv23 S2,
// issue #12 kind 3). Growing a container by appending reaches max_size()
// only after memory runs out, so that throw is exempt; but a count given
// to a constructor, reserve, resize, assign, insert, append or replace that
// wrapped below zero (`std::size_t(want - have)`) throws at once, and the
// serial program stops there. Each loop below throws at index 10 while its
// term never ends from index 900 on, and each pair of statements throws in
// the first while the second never ends: the e2e run ends only if each
// fails as fast as the serial program. A count known to be small (a
// constant, a narrow unsigned value, the size of an existing container,
// their sums) does not count: those loops and calls are still rewritten.
// The counts of allocations that are not a container's size throw the same
// way (adv24 H1): `new T[n]`, `std::make_unique<T[]>(n)`, an unordered
// container's bucket count; std::bad_array_new_length from g++'s code,
// std::bad_alloc from clang++'s (it asks operator new[] for SIZE_MAX bytes).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <deque>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <unordered_set>
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

// Cannot throw; never ends from index 900 on.
[[pure]] long slow(long i, long bad) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (k * k + i) % 7;
  return i >= 900 ? s + endless(bad - i) : s;
}

// The size comes from the data: ~2^64 elements at index 'bad'.
[[pure]] long sized(long i, long bad) {
  std::vector<long> v(std::size_t(i == bad ? -1 : 2));
  return long(v.size());
}
// The everyday padding idiom: throws when the text is longer than the width.
[[pure]] long padded(long have, long want) {
  long h = 0;
  for (long k = 0; k < 100000; ++k)
    h += k % 7;
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'h' [purecc-reduction]
  std::string pad(std::size_t(want - have), ' ');
  return long(pad.size()) + h;
}
// A signed count converted: wraps below zero.
[[pure]] long grown(long n) {
  long h = 0;
  for (long k = 0; k < 100000; ++k)
    h += k % 7;
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'h' [purecc-reduction]
  std::vector<long> v;
  v.resize(std::size_t(n));
  return long(v.size()) + h;
}
// An array 'new' of a count that wrapped below zero.
[[pure]] long arrayed(long i, long bad) {
  long *p = new long[i == bad ? -1 : 2]();
  long r = p[0] + p[1];
  delete[] p;
  return r;
}
// make_unique of an array: the same check inside the library.
[[pure]] long buffered(long have, long want) {
  long h = 0;
  for (long k = 0; k < 100000; ++k)
    h += k % 7;
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'h' [purecc-reduction]
  std::unique_ptr<long[]> b = std::make_unique<long[]>(std::size_t(want - have));
  return b[0] + h;
}
// Counts known to be small: cannot pass max_size().
[[pure]] long small(long i, const std::vector<long> &in) {
  std::vector<long> w(8);
  w.resize(w.size() + in.size() * 2);
  w.reserve(unsigned(i));
  w.insert(w.begin(), 3, i);
  std::string p(3, '-');
  p.append(2, '+');
  p.replace(0, 1, std::size_t(i % 2 == 0 ? 4 : 5), '*');
  std::deque<long> d(in.size() + 1);
  long *arr = new long[in.size() + 2]();
  std::unique_ptr<long[]> u = std::make_unique<long[]>(4);
  std::unordered_set<long> buckets(16);
  buckets.reserve(in.size());
  long h0 = arr[0] + u[1] + long(buckets.size());
  // Through a local constant, a mask, a remainder, a shift (user46 k06).
  const std::size_t m = in.size();
  std::vector<long> dp(m + 1);
  std::vector<long> masked(std::size_t(i & 1023));
  std::string cut(m % 7 + (std::size_t(i & 4095) >> 4) / 3, '.');
  h0 += long(dp.size() + masked.size() + cut.size());
  delete[] arr;
  long h = 0;
  for (long k = 0; k < 300; ++k)
    h += (k * k + i) % 7;
  return h + h0 + long(w.size() + p.size() + d.size());
}
// The textbook edit-distance row: a length through a signed local, which
// is negative for a text past INT_MAX characters. The remark names the
// count and its line.
[[pure]] long dp_row(const std::string &a, const std::string &b) {
  const int n = (int)a.size(), m = (int)b.size();
  std::vector<int> prev(m + 1);
  return long(prev.size()) + n;
}
// A local only ever read keeps its initializer's bound, as a constant does
// (user48 k08: the sides of a polygon, 5 to 44); one written again has
// none.
[[pure]] long polygon(long id) {
  std::size_t sides = 5 + std::size_t(id % 40 + 40) % 40;
  std::vector<long> poly;
  poly.reserve(sides);
  long h = 0;
  for (std::size_t k = 0; k < 300; ++k) {
    poly.push_back(long(k * k % sides) + id % 3);
    h += poly.back();
  }
  return h + long(poly.size());
}
[[pure]] long shrunk(long id) {
  std::size_t n = 5;
  n -= std::size_t(id % 2);
  std::vector<long> v(n);
  long h = 0;
  for (long k = 0; k < 300; ++k)
    h += (k * k + id) % 7;
  return h + long(v.size());
}
// `noexcept` ends the program where a throw escapes; it does not keep the
// body from throwing, so a call the serial loop never makes may end it.
[[pure]] long rows(long w) noexcept {
  std::vector<double> r(std::size_t(w - 1));
  return long(r.size());
}
[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// REMARK: speculation-size-limit.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

// The allocation in a constructor's member initializer (adv86 F10: the
// remark named 'boxed' and no place).
class Block {
  long *d;
  long n;
public:
  explicit Block(long k) : d(new long[k]), n(k) {}
  Block(const Block &) = delete;
  ~Block() { delete[] d; }
  long size() const { return n; }
};
[[pure]] long boxed(long i) { Block b(i % 7 + 1); return b.size(); }

int main(int argc, char **) {
  const long n = 1000, bad = 9 + argc; // throws at index 10
  const long wrap = -argc;             // a size of ~2^64
  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += slow(i, bad) + sized(i, bad);
    // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'sized' (where a size not known to be small ('std::size_t(i == bad ? -1 : 2)' on line 50) throws 'std::length_error' past 'max_size()') may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:12: remark: calls to 'slow' and 'sized' not parallelized: 'sized' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
    std::printf("vector %ld\n", s);
  } catch (const std::length_error &) {
    std::printf("vector: length_error\n");
  }
  try {
    long s = 0;
    for (long i = n - 1; i >= 0; --i) {
      std::string pad(std::size_t(n - 1 - i == bad ? wrap : 3), ' ');
      s += slow(n - 1 - i, bad) + long(pad.size());
    }
    // REMARK: speculation-size-limit.cpp:[[@LINE-4]]:5: remark: loop not parallelized: the construction of a 'std::string' (a size not known to be small ('std::size_t(n - 1 - i == bad ? wrap : 3)') throws 'std::length_error' past 'max_size()') may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("string %ld\n", s);
  } catch (const std::length_error &) {
    std::printf("string: length_error\n");
  }
  try {
    long s = 0;
    for (long i = 0; i < n; ++i) {
      if (i % 3 == 2)
        continue;
      std::vector<long> v;
      v.reserve(i == bad ? v.max_size() + 1 : 4);
      s += slow(i, bad) + long(v.capacity());
    }
    // REMARK: speculation-size-limit.cpp:[[@LINE-7]]:5: remark: loop not parallelized: 'v.reserve' (a size not known to be small ('i == bad ? v.max_size() + 1 : 4') throws 'std::length_error' past 'max_size()') may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("reserve %ld\n", s);
  } catch (const std::length_error &) {
    std::printf("reserve: length_error\n");
  }
  try {
    std::vector<long> out(n);
    for (long i = 0; i < n; ++i) {
      std::vector<long> v{1, 2};
      v.assign(std::size_t(i == bad ? wrap : 2), i);
      out[std::size_t(i)] = slow(i, bad) + v[0];
    }
    // REMARK: speculation-size-limit.cpp:[[@LINE-5]]:5: remark: loop not parallelized: 'v.assign' (a size not known to be small ('std::size_t(i == bad ? wrap : 2)') throws 'std::length_error' past 'max_size()') may throw, and the serial loop does not run the later iterations then [purecc-missed-map]
    std::printf("assign %ld\n", out[1]);
  } catch (const std::length_error &) {
    std::printf("assign: length_error\n");
  }
  try {
    long s = 0;
    for (long i = 0; i < n; ++i) {
      std::string t = "ab";
      t.insert(1, std::size_t(i == bad ? wrap : 1), 'x');
      t.append(std::size_t(i == bad ? wrap : 1), 'y');
      s += slow(i, bad) + long(t.size());
    }
    // REMARK: speculation-size-limit.cpp:[[@LINE-6]]:5: remark: loop not parallelized: 't.insert' (a size not known to be small ('std::size_t(i == bad ? wrap : 1)') throws 'std::length_error' past 'max_size()') may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("insert %ld\n", s);
  } catch (const std::length_error &) {
    std::printf("insert: length_error\n");
  }
  try {
    std::vector<long> idx(n), t(n);
    for (long i = 0; i < n; ++i)
      idx[std::size_t(i)] = i;
    std::transform(idx.begin(), idx.end(), t.begin(), [&](long i) {
      std::deque<long> d(std::size_t(i == bad ? wrap : 1));
      return slow(i, bad) + long(d.size());
    });
    // REMARK: speculation-size-limit.cpp:[[@LINE-4]]:5: remark: call to 'std::transform' not parallelized: the function applied may throw, and the serial algorithm does not apply it to the later elements then [purecc-missed-algorithm]
    std::printf("transform %ld\n", t[0]);
  } catch (const std::length_error &) {
    std::printf("transform: length_error\n");
  }
  try {
    long a = padded(10 + argc, 5);
    long b = endless(1 - argc);
    // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:14: remark: calls to 'padded' and 'endless' not parallelized: 'padded' may throw, and the serial program does not make the later call then [purecc-missed-parallel-calls]
    std::printf("padded %ld %ld\n", a, b);
  } catch (const std::length_error &) {
    std::printf("padded: length_error\n");
  }
  try {
    long a = grown(wrap);
    long b = endless(1 - argc);
    // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:14: remark: calls to 'grown' and 'endless' not parallelized: 'grown' may throw, and the serial program does not make the later call then [purecc-missed-parallel-calls]
    std::printf("grown %ld %ld\n", a, b);
  } catch (const std::length_error &) {
    std::printf("grown: length_error\n");
  }

  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += slow(i, bad) + arrayed(i, bad);
    // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'arrayed' (where a count not known to be small ('i == bad ? -1 : 2' on line 74) makes the allocation throw at once) may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:12: remark: calls to 'slow' and 'arrayed' not parallelized: 'arrayed' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
    std::printf("new[] %ld\n", s);
  } catch (const std::bad_alloc &) {
    std::printf("new[]: bad_alloc\n");
  }
  try {
    long s = 0;
    for (long i = 0; i < n; ++i) {
      std::unordered_set<long> u(std::size_t(i == bad ? wrap : 8));
      s += slow(i, bad) + long(u.size());
    }
    // REMARK: speculation-size-limit.cpp:[[@LINE-4]]:5: remark: loop not parallelized: the construction of a 'std::unordered_set<long>' (a count not known to be small ('std::size_t(i == bad ? wrap : 8)') makes the allocation throw at once) may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("buckets %ld\n", s);
  } catch (const std::bad_alloc &) {
    std::printf("buckets: bad_alloc\n");
  }
  try {
    long a = buffered(10 + argc, 5);
    long b = endless(1 - argc);
    // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:14: remark: calls to 'buffered' and 'endless' not parallelized: 'buffered' may throw, and the serial program does not make the later call then [purecc-missed-parallel-calls]
    std::printf("buffered %ld %ld\n", a, b);
  } catch (const std::bad_alloc &) {
    std::printf("buffered: bad_alloc\n");
  }

  // Counts known to be small: still parallel.
  const std::vector<long> in{1, 2, 3};
  long fine = 0;
  for (long i = 0; i < n; ++i)
    fine += small(i, in);
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'fine' [purecc-reduction]
  long k = 20 + argc;
  long a = small(k, in) + fib(k);
  long b = fib(k - 1);
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:12: remark: calls to 'small' and 'fib' run in parallel [purecc-parallel-calls]
  std::printf("fine %ld %ld %ld\n", fine, a, b);

  const std::string text(40, 'x');
  long d = 0;
  for (long i = 0; i < n; ++i)
    d += dp_row(text, text) + i;
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'dp_row' (where a size not known to be small ('m + 1' on line 120) throws 'std::length_error' past 'max_size()') may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  long r = 0;
  for (long i = 1; i <= n; ++i)
    r += rows(i);
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'rows' (where a size not known to be small ('std::size_t(w - 1)' on line 149) throws 'std::length_error' past 'max_size()', which its 'noexcept' turns into the end of the program) may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  long sides = 0, cut = 0;
  for (long i = 0; i < n; ++i)
    sides += polygon(i);
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'sides' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    cut += shrunk(i);
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'shrunk' (where a size not known to be small ('n' on line 140) throws 'std::length_error' past 'max_size()') may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  long blocks = 0;
  for (long i = 0; i < n; ++i)
    blocks += boxed(i);
  // REMARK: speculation-size-limit.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'boxed' (where a count not known to be small ('k' on line 161) makes the allocation throw at once) may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  std::printf("rows %ld %ld %ld %ld %ld\n", d, r, sides, cut, blocks);
  return 0;
}
// OUT:      vector: length_error
// OUT-NEXT: string: length_error
// OUT-NEXT: reserve: length_error
// OUT-NEXT: assign: length_error
// OUT-NEXT: insert: length_error
// OUT-NEXT: transform: length_error
// OUT-NEXT: padded: length_error
// OUT-NEXT: grown: length_error
// OUT-NEXT: new[]: bad_alloc
// OUT-NEXT: buckets: bad_alloc
// OUT-NEXT: buffered: bad_alloc
// OUT-NEXT: fine {{[0-9]+}} {{[0-9]+}} 6765
// OUT-NEXT: rows 580500 499500 3526100 904798 3997{{$}}
