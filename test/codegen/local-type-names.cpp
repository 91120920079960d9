// A class, union or enum declared in code that a rewrite moves into a
// lambda, and a lambda written there, get other names: 'main()::Tag'
// becomes 'main()::<lambda>::Tag'. When the unit's own code shows type
// names ('typeid', '__PRETTY_FUNCTION__', 'std::source_location'), such
// code stays where it is, with the reason (adv44 t04, t05); when nothing
// shows them (-DHIDDEN), the same loops are rewritten. (Remarks sorted by
// line: the calls in main are remarked before its loops.)
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | grep 'remark:' | sort -t: -k2,2n | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -DHIDDEN 2>&1 | grep 'remark:' | sort -t: -k2,2n | FileCheck %s --check-prefix=HIDDEN --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
// RUN: env E2E_CPPFLAGS=-DHIDDEN %e2e %s %t.hidden | FileCheck %s --check-prefix=OUT-HIDDEN

#include <cstdio>
#include <cstring>
#include <typeinfo>

[[pure]] long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// REMARK: local-type-names.cpp:[[@LINE-1]]:47: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
// HIDDEN: local-type-names.cpp:[[@LINE-2]]:47: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

#ifndef HIDDEN
template <class T> [[pure]] long nameLength() { return static_cast<long>(std::strlen(typeid(T).name())); }
#else
template <class T> [[pure]] long nameLength() { return static_cast<long>(sizeof(T)); }
#endif
// (A lambda's name differs between compilers: only whether it has one is printed.)
template <class F> [[pure]] long apply(F f, int n) { return f(fib(n)) * 100 + (nameLength<F>() > 0); }
// REMARK: local-type-names.cpp:[[@LINE-1]]:61: remark: calls to 'f' and 'nameLength' not parallelized: 'nameLength' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
// HIDDEN: local-type-names.cpp:[[@LINE-2]]:61: remark: calls to 'f' and 'nameLength' not parallelized: 'nameLength' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]

int main() {
  long s = 0;
  // REMARK: local-type-names.cpp:[[@LINE+2]]:3: remark: loop not parallelized: the loop body uses 'Tag', a class declared there, whose name ('typeid' shows it) would name the lambda the code moves into [purecc-missed-reduction]
  // HIDDEN: local-type-names.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  for (int i = 0; i < 40; ++i) {
    struct Tag {
      int k;
    };
    s += fib(18 + i % 5) * 100 + nameLength<Tag>();
    // REMARK: local-type-names.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'nameLength' not parallelized: 'nameLength' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  }
  std::printf("s=%ld\n", s);

  long out[40];
  // REMARK: local-type-names.cpp:[[@LINE+2]]:3: remark: loop not parallelized: the loop body uses 'Kind', an enum declared there, whose name ('typeid' shows it) would name the lambda the code moves into [purecc-missed-map]
  // HIDDEN: local-type-names.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  for (int i = 0; i < 40; ++i) {
    enum Kind { A, B };
    out[i] = fib(18 + i % 5) * 100 + nameLength<Kind>();
    // REMARK: local-type-names.cpp:[[@LINE-1]]:14: remark: calls to 'fib' and 'nameLength' not parallelized: 'nameLength' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  }
  std::printf("out=%ld %ld\n", out[0], out[39]);

  long a = apply([](long v) { return v + 1; }, 27);
  long b = apply([](long v) { return v + 2; }, 26);
  // REMARK: local-type-names.cpp:[[@LINE-2]]:12: remark: calls to 'apply' and 'apply' not parallelized: an argument of 'apply' uses a lambda, whose type's name ('typeid' shows it) would name the lambda the code moves into [purecc-missed-parallel-calls]
  // HIDDEN: local-type-names.cpp:[[@LINE-3]]:12: remark: calls to 'apply' and 'apply' run in parallel [purecc-parallel-calls]
  std::printf("a=%ld b=%ld\n", a, b);
}
// OUT: s=33750040
// OUT-NEXT: out=258412 1771112
// OUT-NEXT: a=19641901 b=12139501
// OUT-HIDDEN: s=33749760
// OUT-HIDDEN-NEXT: out=258404 1771104
// OUT-HIDDEN-NEXT: a=19641901 b=12139501
