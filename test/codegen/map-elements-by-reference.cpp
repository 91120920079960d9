// A map's own element handed on by reference (adv97 F7): `v[i] = f(i) +
// before(v[i])` where `before(const double &x)` returns `(&x)[-1]`, the
// element the previous iteration writes. Legal C++, and the parallel loop
// read it before or after that write. An element read as a value, copied,
// or given to the library or to a function that only reads the object it
// is given stays a map; one given to code that may use its address keeps
// the loop serial (LentContainers.h, elementHandedOn).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

[[pure]] long f(long i) {
  long s = 0;
  for (long k = 1; k < 3000; ++k)
    s += (i * 7 + k) % 13;
  return s;
}
[[pure]] long before(const long &x) { return (&x)[-1]; }
[[pure]] long twice(const long &x) { return x * 2; }
// The library hands the address back (adv98 F1).
[[pure]] long beside(const long &x) { return std::addressof(x)[-1]; }
// The library calls the program's member, which walks from 'this' (adv98 F3).
struct L {
  long a;
  bool operator<(const L &o) const { return (this - 1)->a < o.a; }
};
[[pure]] bool less(const L &x, const L &y) { return x < y; }
[[pure]] std::string shout(const std::string &s) { return s + "!"; }

int main() {
  std::vector<long> v(400, 1);
  for (std::size_t i = 1; i < v.size(); ++i)
    // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body hands 'v[i]' on by reference to code that may use its address, and read the elements beside it that other iterations write [purecc-missed-map]
    v[i] = f(long(i)) + before(v[i]);
  // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:12: remark: calls to 'f' and 'before' not parallelized: 'before' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  std::printf("neighbour: %ld\n", v[399]);
  // OUT: neighbour: {{[0-9]+}}
  std::vector<long> w(400, 1);
  for (long &x : w)
    // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body hands 'x' on by reference to code that may use its address, and read the elements beside it that other iterations write [purecc-missed-map]
    x = f(x) + before(x);
  // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:9: remark: calls to 'f' and 'before' not parallelized: 'before' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  std::printf("range: %ld\n", w[399]);
  // OUT-NEXT: range: {{[0-9]+}}
  std::vector<long> a(400, 1);
  for (std::size_t i = 1; i < a.size(); ++i)
    // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body hands 'a[i]' on by reference to code that may use its address, and read the elements beside it that other iterations write [purecc-missed-map]
    a[i] = f(long(i)) + beside(a[i]);
  // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:12: remark: calls to 'f' and 'beside' not parallelized: 'beside' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  std::vector<long> b(400, 1);
  for (long &x : b)
    // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body hands 'x' on by reference to code that may use its address, and read the elements beside it that other iterations write [purecc-missed-map]
    x = f(x) + (&std::max(x, x))[-1];
  std::vector<L> c(400, L{1});
  for (std::size_t i = 1; i < c.size(); ++i)
    // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body hands 'c[i]' on by reference to code that may use its address, and read the elements beside it that other iterations write [purecc-missed-map]
    c[i] = L{f(long(i)) + std::max(c[i], L{5}).a + long(less(c[i], c[i]))};
  // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:14: remark: calls to 'f' and 'less' not parallelized: 'less' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  // The library given a callable of the program's beside the element calls
  // it with the element.
  auto walk = [](const long &x) { return (&x)[-1]; };
  std::vector<long> d(400, 1);
  for (std::size_t i = 1; i < d.size(); ++i)
    // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body hands 'd[i]' on by reference to code that may use its address, and read the elements beside it that other iterations write [purecc-missed-map]
    d[i] = f(long(i)) + std::invoke(walk, d[i]);
  std::printf("library: %ld %ld %ld %ld\n", a[399], b[399], c[399].a, d[399]);
  // OUT-NEXT: library: {{[0-9]+}} {{[0-9]+}} {{[0-9]+}} {{[0-9]+}}
  // Read through the reference only: a map.
  std::vector<long> u(400, 3);
  for (std::size_t i = 0; i < u.size(); ++i)
    // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'u' [purecc-parallel-map]
    u[i] = f(long(i)) + twice(u[i]);
  std::vector<std::string> words(300, "a");
  for (std::size_t i = 0; i < words.size(); ++i)
    // REMARK: map-elements-by-reference.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'words' [purecc-parallel-map]
    words[i] = shout(words[i]) + std::to_string(f(long(i)));
  std::printf("read: %ld %s\n", u[399], words[299].c_str());
  // OUT-NEXT: read: {{[0-9]+}} a!{{[0-9]+}}
}
