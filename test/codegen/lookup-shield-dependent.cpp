// A call that depends on a template's parameters is resolved per
// instantiation; in a default template argument or a requires-clause no
// instantiation shows which function it called, and std::invoke, once the
// runtime's headers are in, is the better match (adv92 F6: the rewritten
// program printed '5999 8 4 4'). The unit is compiled as written.
// RUN: %purecc rewrite %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <string> // std::negate and std::declval, without std::invoke

[[pure]] long sq(long x) { return x * x % 7; }
long long invoke(const std::negate<int> &, int x) { return x; }
template <class T> auto a(T &f) -> decltype(invoke(f, 1)) { return 0; }
// REMARK: lookup-shield-dependent.cpp:[[#@LINE+1]]:39: remark: unit compiled as written, without parallel code: with the standard headers purecc's runtime includes, this call of 'invoke' could find 'std::invoke' instead, and no qualified name reaches 'invoke' [purecc-runtime-lookup]
template <class T, class U = decltype(invoke(std::declval<T &>(), 1))> U b(T &) { return 0; }
template <class T> int c(T &f) requires (sizeof(invoke(f, 1)) == 8) { return 8; }
template <class T> int c(T &f) requires (sizeof(invoke(f, 1)) == 4) { return 4; }
int main() {
  long t = 0;
  for (long i = 0; i < 30000; ++i)
    t += sq(i);
  std::negate<int> f;
  std::printf("%ld %zu %zu %d\n", t, sizeof(a(f)), sizeof(b(f)), c(f));
  return 0;
}
// OUT: 59999 8 8 8
