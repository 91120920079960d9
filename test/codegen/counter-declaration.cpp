// The leaf declares the loop's counter again, as the serial loop declares
// it: not 'const' (adv36 t03, t04). `decltype(i) j = i; j += 3;` did not
// compile, and `std::is_const_v<decltype(i)>` was true in the rewritten
// reduction and map, false in the serial loop.
// RUN: %purecc rewrite --remarks %s -o %t.rw.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=RW < %t.rw.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <type_traits>

[[pure]] long work(long x) {
  long s = 0;
  for (long k = 0; k < 20000; ++k)
    s += (x * k) % 13;
  // CHECK: counter-declaration.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

int main() {
  long acc = 0;
  for (int i = 0; i < 100; ++i) {
    decltype(i) j = i;
    j += 3;
    acc += work(j);
  }
  // CHECK: counter-declaration.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel reduction of 'acc' [purecc-reduction]
  // RW: [&](std::int64_t [[I:purecc_i[0-9]+]]) -> long { int i = static_cast<int>([[I]]);
  long flags = 0;
  for (short i = 0; i < 100; ++i)
    flags += work(i) + (long)std::is_const_v<decltype(i)> + 2 * (long)std::is_same_v<decltype(i), short>;
  // CHECK: counter-declaration.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'flags' [purecc-reduction]
  long out[100];
  for (unsigned i = 0; i < 100; ++i)
    out[i] = work(i) * (std::is_const_v<std::remove_reference_t<decltype((i))>> ? 2 : 1);
  // CHECK: counter-declaration.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  std::printf("%ld %ld %ld\n", acc, flags, out[99]);
}
// OUT: 11159677 11039859 119993
