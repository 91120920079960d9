// A bound that reads a member ('img.w') of the object whose other member
// the body writes ('img.px'), while the index converts that member's value
// (`std::size_t(y) * img.w`, the usual guard against int overflow): the
// conversion only reads it, so the loop is a map (user52 k02: "the bound
// reads 'img.w', which the loop body may change").
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <vector>

struct Image {
  int w = 0;
  std::vector<double> px;
};

[[pure]] double shade(int x) {
  double s = 0;
  for (int k = 1; k < 400; ++k)
    s += std::sin(x * 0.01 * k) / k;
  // REMARK: map-bound-member-conversion.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 399 iterations of loop-free work (about 34 operations each) are too little to share [purecc-missed-reduction]
  return s;
}

int main(int argc, char **) {
  Image img;
  img.w = 3000;
  img.px.resize(4 * std::size_t(img.w));
  int y = argc;
  for (int x = 0; x < img.w; ++x)
    img.px[std::size_t(y) * img.w + x] = shade(x);
  // REMARK: map-bound-member-conversion.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'img.px' [purecc-parallel-map]
  for (int x = 0; x < img.w; ++x)
    img.px[static_cast<std::size_t>(img.w) * 2 + x] = shade(x + 1);
  // REMARK: map-bound-member-conversion.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'img.px' [purecc-parallel-map]
  // A write of the member itself still keeps the loop serial.
  for (int x = 0; x < img.w; ++x) {
    img.px[std::size_t(img.w) + x] = shade(x);
    if (x == 5)
      img.w = 2500 + int(img.px[std::size_t(x)] > 9);
  }
  // REMARK: map-bound-member-conversion.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the bound reads 'img.w', which the loop body may change ('img.w = 2500 + int(img.px[std::size_t(x)] > 9)') [purecc-missed-reduction]
  long h = 0;
  for (double v : img.px)
    h = h * 31 + long(v * 1e6);
  std::printf("%ld %d\n", h, img.w);
  // OUT: 7706697955939516364 2500
}
