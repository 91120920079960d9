// Under --warn-only a [[pure]] function that fails its check is reported as
// a warning and the rest of the unit is rewritten; a loop over it stays
// serial and says why (adv118 F5: no remark at all). The program's output
// is unchanged.
// RUN: %purecc rewrite --warn-only --remarks %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t --warn-only | FileCheck %s --check-prefix=OUT
#include <cstdio>

float half(float x) { return x * 0.5f; }
float call2(float (*f)(float), float x) {
  float (*g)(float) = f;
  if (x < 0)
    g = half;
  return g(x);
}

[[pure]] float through_pointer(float x) {
  float s = 0;
  for (int k = 0; k < 50; ++k)
    s += call2(half, x + k);
  // CHECK: warn-only-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'call2' is not known to be pure [purecc-missed-reduction]
  return s;
}

int g = 3;
[[pure]] float reads_global(float x) { return x + g; }

[[pure]] float heavy(int i) {
  float s = 0;
  for (int k = 0; k < 300; ++k)
    s += float((i * k) % 17);
  return s;
}

int main() {
  double s = 0;
  for (int i = 0; i < 5000; ++i)
    s += through_pointer(i);
  // CHECK: warn-only-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'through_pointer' is declared pure but did not pass its check [purecc-missed-reduction]
  for (int i = 0; i < 5000; ++i)
    s += reads_global(i);
  // CHECK: warn-only-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'reads_global' is declared pure but did not pass its check [purecc-missed-reduction]
  long t = 0;
  for (int i = 0; i < 5000; ++i)
    t += long(heavy(i));
  // CHECK: warn-only-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  std::printf("%.1f %ld\n", s, t);
}
// OUT: 328012500.0 11277855
