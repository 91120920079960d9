// A sum and an argmax in one loop: each alone is rewritten, not the two
// together. The remark said "'total' is written inside the loop body",
// which reads as if 'total += a' were no accepted step (user48 k03); it
// now says that a selection and a reduction are not combined in one loop.
// Split into two loops, both are rewritten and print what the one loop did.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>

[[pure]] double area(int i) {
  double s = 0;
  for (int k = 0; k < 300; ++k)
    s += std::fabs(std::sin(i * 0.1 + k));
  // REMARK: selection-beside-reduction.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 300 iterations of loop-free work (about 26 operations each) are too little to share [purecc-missed-reduction]
  return s;
}

int main() {
  double total = 0, largest = 0;
  int largestId = -1;
  long count = 0;
  for (int i = 0; i < 4000; ++i) {
    double a = area(i);
    total += a;
    if (a > largest) {
      largest = a;
      largestId = i;
    }
  }
  // REMARK: selection-beside-reduction.cpp:[[@LINE-8]]:3: remark: loop not parallelized: 'total' is updated inside the loop body ('total += a') beside the selection of 'largest': a selection and a reduction are not combined in one loop; each is rewritten in a loop of its own [purecc-missed-reduction]
  for (int i = 0; i < 4000; ++i) {
    double a = area(i);
    ++count;
    if (a > largest) {
      largest = a;
      largestId = i;
    }
  }
  // REMARK: selection-beside-reduction.cpp:[[@LINE-8]]:3: remark: loop not parallelized: 'count' is updated inside the loop body ('++count') beside the selection of 'largest': a selection and a reduction are not combined in one loop; each is rewritten in a loop of its own [purecc-missed-reduction]
  // Updated by assignment (adv90 F3: "'peak' is written inside the loop body").
  double peak = 0;
  for (int i = 0; i < 4000; ++i) {
    double a = area(i);
    peak = std::fmax(peak, a * 2);
    if (a > largest) {
      largest = a;
      largestId = i;
    }
  }
  // REMARK: selection-beside-reduction.cpp:[[@LINE-8]]:3: remark: loop not parallelized: 'peak' is updated inside the loop body ('peak = std::fmax(peak, a * 2)') beside the selection of 'largest': a selection and a reduction are not combined in one loop; each is rewritten in a loop of its own [purecc-missed-reduction]
  double total2 = 0, largest2 = 0;
  int largestId2 = -1;
  for (int i = 0; i < 4000; ++i)
    total2 += area(i);
  // REMARK: selection-beside-reduction.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'total2' [purecc-reduction]
  for (int i = 0; i < 4000; ++i) {
    double a = area(i);
    if (a > largest2) {
      largest2 = a;
      largestId2 = i;
    }
  }
  // REMARK: selection-beside-reduction.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel selection of 'largest2' with 'largestId2' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("%.6f %.6f %d %ld %.6f\n", total, largest, largestId, count, peak);
  std::printf("%d %d %d\n", std::fabs(total - total2) < 1e-6 * total, largest == largest2,
              largestId == largestId2);
  // OUT: 763943.289663 191.585259 3473 4000 383.170518
  // OUT-NEXT: 1 1 1
}
