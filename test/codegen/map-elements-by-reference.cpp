// A map's own element handed on by reference (adv97 F7): `v[i] = f(i) +
// before(v[i])` where `before(const double &x)` returns `(&x)[-1]`, the
// element the previous iteration writes. Legal C++, and the parallel loop
// read it before or after that write. An element read as a value, copied,
// or given to the library or to a function that only reads the object it
// is given stays a map; one given to code that may use its address keeps
// the loop serial (LentContainers.h, elementHandedOn).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>
#include <vector>

[[pure]] long f(long i) {
  long s = 0;
  for (long k = 1; k < 3000; ++k)
    s += (i * 7 + k) % 13;
  // REMARK: map-elements-by-reference.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
[[pure]] long before(const long &x) { return (&x)[-1]; }
[[pure]] long twice(const long &x) { return x * 2; }
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
