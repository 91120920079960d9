// A loop over a [[pure]] function whose helper object updates itself in a
// lambda that captured `this` (dragonbox's 128-bit `operator+=`, adv120
// F2; test/analysis/lambda-captured-this.cpp): the function is pure, so the
// loop is a parallel reduction, and prints what the serial loop prints.
// RUN: %purecc rewrite --remarks %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>

struct Wide {
  unsigned long high = 0, low = 0;
  Wide &operator+=(unsigned long n) {
    auto generic = [&] {
      unsigned long sum = low + n;
      high += (sum < low);
      low = sum;
    };
    generic();
    return *this;
  }
};

[[pure]] unsigned long wide_sum(unsigned long x) {
  Wide w;
  for (unsigned long k = 0; k < 400; ++k)
    w += x * 0x9e3779b97f4a7c15ul + k;
  return w.high * 31 + w.low;
}

int main() {
  unsigned long s = 0;
  for (unsigned long i = 0; i < 20000; ++i)
    s += wide_sum(i);
  // CHECK: member-lambda-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::printf("%lu\n", s);
  // OUT: {{^}}674934507034388953{{$}}
}
