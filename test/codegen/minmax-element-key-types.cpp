// Selections by key (minmax-element-keyed.cpp) over the key types and
// comparator forms users write: elements converted to the parameter's type
// (int elements, long parameters), float keys with -0.0, unsigned keys, an
// enum class key, short keys the comparison promotes to int, a trailing
// return type, captures by copy and init-captures, a std::array, `using
// namespace std`, and a selection inside a pure function that a parallel
// map calls (nested), a lambda without captures stored in a local. A call
// or a key written in a macro, a "key" that does not read the element, a
// stored lambda with captures or stored outside the function, and one
// whose key names a local of the function stay serial, with the reason.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>
using namespace std;

enum class Grade { Low, Mid, High };

[[pure]] long cost(long x) {
  long h = x;
  for (int k = 0; k < 40; ++k)
    h = (h * 31 + k) % 1000003;
  return h % 97;
}
[[pure]] float fcost(long x) {
  float s = 0;
  for (int k = 0; k < 40; ++k)
    s += float((x + k) % 7);
  return x % 9 == 0 ? -0.0f : x % 11 == 0 ? 0.0f : s / 3.0f;
}
[[pure]] unsigned ucost(long x) {
  unsigned s = 0;
  for (int k = 0; k < 40; ++k)
    s += unsigned(x * k) * 2654435761u;
  return s;
}
[[pure]] Grade grade(long x) {
  long s = 0;
  for (int k = 0; k < 40; ++k)
    s += x % (k + 2);
  return Grade(s % 3);
}
[[pure]] short scost(long x) {
  short s = 0;
  for (int k = 0; k < 40; ++k)
    s = short(s + x % 5);
  return s;
}
#define KEY(x) cost(x)
#define FIRST_CHEAPEST(v) std::min_element(v.begin(), v.end(), [](long a, long b) { return cost(a) < cost(b); })

[[pure]] long cheapest(const std::vector<long> &v) {
  return long(std::min_element(v.begin(), v.end(), [](long a, long b) { return cost(a) < cost(b); }) - v.begin());
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:80: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:15: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
}

const auto by_cost_global = [](long a, long b) { return cost(a) < cost(b); };
// REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:57: remark: calls to 'cost' and 'cost' run in parallel [purecc-parallel-calls]

// A local named as the key's function: the key's text would call it.
long shadowed(const std::vector<long> &v) {
  auto by_cost = [](long a, long b) { return cost(a) < cost(b); };
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:46: remark: calls to 'cost' and 'cost' run in parallel [purecc-parallel-calls]
  auto cost = [](long x) { return -x; };
  return long(std::min_element(v.begin(), v.end(), by_cost) - v.begin()) + cost(0);
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:15: remark: call to 'std::min_element' not parallelized: the key of 'by_cost' names 'cost', which a local of the function names too, so the key's text would mean something else at the call [purecc-missed-algorithm]
}

int main() {
  const long n = 2000;
  std::vector<int> v(n);
  for (long i = 0; i < n; ++i)
    v[i] = int((i * 7919) % 1009);
  std::vector<long> lv(v.begin(), v.end());
  long w = 3;
  auto a1 = min_element(v.begin(), v.end(), [](long a, long b) -> bool { return cost(a) < cost(b); });
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:81: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:13: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  auto a2 = std::max_element(v.begin(), v.end(), [=](const int &a, const int &b) { return fcost(a * w) < fcost(b * w); });
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:91: remark: calls to 'fcost' and 'fcost' not parallelized: the call to 'fcost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:13: remark: call to 'std::max_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  auto a2z = std::min_element(v.begin(), v.end(), [=](const int &a, const int &b) { return fcost(a * w) <= fcost(b * w); });
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:92: remark: calls to 'fcost' and 'fcost' not parallelized: the call to 'fcost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:14: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  auto a3 = std::max_element(v.begin(), v.end(), [k = w + 1](int a, int b) { return ucost(a + k) < ucost(b + k); });
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:85: remark: calls to 'ucost' and 'ucost' not parallelized: the call to 'ucost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:13: remark: call to 'std::max_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  auto a4 = std::minmax_element(v.begin(), v.end(), [](int a, int b) { return grade(a) < grade(b); });
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:79: remark: calls to 'grade' and 'grade' not parallelized: the call to 'grade' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:13: remark: call to 'std::minmax_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  auto a5 = std::minmax_element(v.begin(), v.end(), [](int a, int b) { return scost(a) > scost(b); });
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:79: remark: calls to 'scost' and 'scost' not parallelized: the call to 'scost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:13: remark: call to 'std::minmax_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  auto a6 = FIRST_CHEAPEST(lv);
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' not parallelized: it is written in a macro [purecc-missed-algorithm]
  std::array<long, 300> ar{};
  for (long i = 0; i < 300; ++i)
    ar[i] = lv[i];
  auto a7 = std::min_element(ar.begin(), ar.end(), [](long a, long b) { return (cost(a)) < (cost(b)); });
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:81: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is part of code that runs in parallel already (the loop, algorithm or calls around it, as its remark says) [purecc-missed-parallel-calls]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:13: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  std::printf("%ld %ld %ld (%s) %ld %ld %ld %ld %ld %ld %ld\n", long(a1 - v.begin()), long(a2 - v.begin()),
              long(a2z - v.begin()), std::signbit(fcost(*a2z * w)) ? "-0" : "+0", long(a3 - v.begin()),
              long(a4.first - v.begin()), long(a4.second - v.begin()), long(a5.first - v.begin()),
              long(a5.second - v.begin()), long(a6 - lv.begin()), long(a7 - ar.begin()));
  // OUT: 123 2 1998 (-0) 278 0 1994 5 1994 123 123

  // A key written in a macro; a "key" that does not read the element.
  auto m1 = std::min_element(lv.begin(), lv.end(), [](long a, long b) { return KEY(a) < KEY(b); });
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' not parallelized: its comparator's key is written in a macro [purecc-missed-algorithm]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:80: remark: calls to 'cost' and 'cost' not parallelized: the call to 'cost' is written in a macro [purecc-missed-parallel-calls]
  auto m2 = std::min_element(lv.begin(), lv.end(), [](long, long) { return cost(5) < cost(5); });
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' not parallelized: the comparator is not a lambda comparing one arithmetic key of each argument ('return key(a) < key(b);'), and a tree of partial scans finds the serial scan's element only for a strict weak ordering, which purecc cannot check [purecc-missed-algorithm]
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:76: remark: calls to 'cost' and 'cost' run in parallel [purecc-parallel-calls]
  std::printf("macro %ld, constant %ld\n", long(m1 - lv.begin()), long(m2 - lv.begin()));
  // OUT-NEXT: macro 123, constant 0

  // A lambda without captures stored in a local is read where it is
  // written; one with captures, or stored outside the function, is not.
  auto by_cost = [](long a, long b) { return cost(a) < cost(b); };
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:46: remark: calls to 'cost' and 'cost' run in parallel [purecc-parallel-calls]
  auto by_w = [w](long a, long b) { return cost(a * w) < cost(b * w); };
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:44: remark: calls to 'cost' and 'cost' run in parallel [purecc-parallel-calls]
  auto s1 = std::min_element(lv.begin(), lv.end(), by_cost);
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' rewritten as a parallel selection by key [purecc-parallel-algorithm]
  auto s2 = std::min_element(lv.begin(), lv.end(), by_w);
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' not parallelized: the comparator 'by_w' is a lambda with captures stored in a variable: its captured values are the ones of where it is written, which the call's text does not have [purecc-missed-algorithm]
  auto s3 = std::max_element(lv.begin(), lv.end(), by_cost_global);
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-1]]:13: remark: call to 'std::max_element' not parallelized: the comparator 'by_cost_global' is a lambda stored outside the function, and the names in its key may mean something else at the call [purecc-missed-algorithm]
  std::printf("stored %ld, captures %ld, global %ld, shadowed %ld\n", long(s1 - lv.begin()),
              long(s2 - lv.begin()), long(s3 - lv.begin()), shadowed(lv));
  // OUT-NEXT: stored 123, captures 28, global 109, shadowed 123

  std::vector<long> rows(50);
  for (long r = 0; r < 50; ++r)
    rows[r] = r + cheapest(std::vector<long>(lv.begin() + r, lv.begin() + r + 100));
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'rows' [purecc-parallel-map]
  long sum = 0;
  for (long x : rows)
    sum += x;
  // REMARK-DAG: minmax-element-key-types.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'sum' [purecc-reduction]
  std::printf("nested %ld\n", sum);
  // OUT-NEXT: nested 4130
}
