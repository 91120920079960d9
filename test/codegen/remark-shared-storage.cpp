// Elements that share storage get the true reason when a loop stays
// serial: an array member of a union stored by index (adv50 t21 was told
// "the loop body neither accumulates into a variable nor stores into
// elements by index"), and appends to a 'std::vector<bool>' (adv50 t103 was
// told 'push_back' is not combined, in a sentence listing 'push_back').
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long heavy(long i) {
  long x = i;
  for (int k = 0; k < 200; ++k)
    x = (x * 1103515245 + 12345) % 1000003;
  return x;
}

constexpr long n = 4000;
struct S {
  union {
    long a[n];
    long b[n];
  };
};

int main() {
  static S s;
  for (long i = 0; i < n; ++i)
    s.a[i] = 1;
  for (long i = 0; i < n; ++i)
    s.a[i] = heavy(i) % 1000 + s.b[n - 1 - i];
  // REMARK: remark-shared-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 's.a' is stored into by index ('s.a[i] = heavy(i) % 1000 + s.b[n - 1 - i]'), but it is a member of a union, whose members share their storage: no map is made of it [purecc-missed-reduction]
  unsigned long h = 0;
  for (long i = 0; i < n; ++i)
    h = h * 31 + static_cast<unsigned long>(s.a[i]);
  std::printf("union %lu\n", h);
  // OUT: union 14390341530992015617

  std::vector<bool> bits;
  for (long i = 0; i < n; ++i)
    bits.push_back(heavy(i) & 1);
  // REMARK: remark-shared-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'bits' is changed by 'push_back' ('bits.push_back(heavy(i) & 1)'), but it is a 'std::vector<bool>', whose elements share storage: appends are combined only into containers of whole elements [purecc-missed-reduction]
  long ones = 0;
  for (bool b : bits)
    ones += b;
  // REMARK: remark-shared-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'ones' [purecc-reduction]
  std::printf("bits %ld\n", ones);
  // OUT-NEXT: bits 2012
}
