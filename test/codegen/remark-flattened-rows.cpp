// A 2-D image stored flat, `img[j * W + i]`, filled by rows: the inner
// loop over i is a map, and the loop over rows stays serial with the true
// reason — its index also depends on the inner counter, and purecc does
// not prove that rows do not overlap — not "reads 'i', which may not be the
// same in every iteration" (user47 k10).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] double shade(int i, int j) {
  double s = 0;
  for (int k = 1; k < 200; ++k)
    s += double((i * 7 + j * 13 + k) % 17) / k;
  return s;
}

int main() {
  const int W = 300, H = 40;
  std::vector<double> img(W * H);
  for (int j = 0; j < H; ++j)
    for (int i = 0; i < W; ++i)
      img[j * W + i] = shade(i, j);
  // REMARK: remark-flattened-rows.cpp:[[@LINE-3]]:3: remark: loop not parallelized: the index of 'img' written, 'j * W + i', also depends on 'i', the counter of an inner loop: purecc does not prove that the elements one iteration writes are apart from another's (the inner loop can be shared) [purecc-missed-map]
  // REMARK: remark-flattened-rows.cpp:[[@LINE-3]]:5: remark: loop rewritten as a parallel map over 'img' [purecc-parallel-map]
  // The loop's own counter twice in the index: no inner loop's (adv49 t59).
  std::vector<double> c(W);
  for (int i = 1; i < W; ++i)
    c[i - (i - 1)] = shade(i, 0);
  // REMARK: remark-flattened-rows.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the index of 'c' written, 'i - (i - 1)', reads 'i' more than once: only an index 'a * i + b' (or 'b - a * i') of the counter is known to give each iteration elements of its own [purecc-missed-map]
  double s = c[1];
  for (double x : img)
    s = s * 0.5 + x;
  std::printf("image: %.17g\n", s);
  // OUT: image: 81.201847795627771
}
