// A k-means written as people write it: a map over the points, called once
// per step from a serial loop. With PURECC_PROGRESS=1 the program draws one
// bar for the map's first run and, when it exits, one summary line labelled
// by the loop's file and line that counts all runs and items, not a bar per
// step (the sums of each step are a second such site).
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
// RUN: %cxx -O1 -Wall -Wextra -Werror %rt_cflags %t.out.cpp %rt_link -o %t.bar
// RUN: env PURECC_PROGRESS=1 OMP_NUM_THREADS=2 %t.bar 2>&1 >/dev/null | FileCheck %s --check-prefix=BAR

#include <cstdio>
#include <vector>

struct Point {
  double x, y;
};

[[pure]] int nearest(Point p, double c0, double c1) {
  double d0 = 0, d1 = 0;
  for (int k = 0; k < 20; ++k) {
    d0 += (p.x - c0) * (p.x - c0) / 20;
    d1 += (p.x - c1) * (p.x - c1) / 20;
  }
  return d1 < d0 ? 1 : 0;
}

int main(int argc, char **) {
  int n = 4000 + argc;
  std::vector<Point> pts;
  for (int i = 0; i < n; ++i)
    pts.push_back({double((i * 37) % 1000), double(i % 7)});
  double c0 = 0, c1 = 1;
  std::vector<int> assign(static_cast<std::size_t>(n));
  for (int step = 0; step < 30; ++step) {
    for (int i = 0; i < n; ++i)
      assign[i] = nearest(pts[i], c0, c1);
    double s0 = 0, s1 = 0;
    int k0 = 0, k1 = 0;
    for (int i = 0; i < n; ++i) {
      if (assign[i] == 0) {
        s0 += pts[i].x;
        ++k0;
      } else {
        s1 += pts[i].x;
        ++k1;
      }
    }
    c0 = k0 ? s0 / k0 : c0;
    c1 = k1 ? s1 / k1 : c1;
  }
  std::printf("%.3f %.3f\n", c0, c1);
  // OUT: 248.875 749.000
}
// The first runs of the three sites (the concatenation that fills `pts`,
// the map and the sums), then the summaries of the two that ran 30 times
// (their later runs' lines, erased as each ends, precede them on the line).
// BAR:      purecc [##############################] 100% 4001/4001 {{[0-9.]+[kMG]?}}/s done in {{[0-9.]+}}s
// BAR-NEXT: purecc [##############################] 100% 4001/4001 {{[0-9.]+[kMG]?}}/s done in {{[0-9.]+}}s
// BAR-NEXT: purecc [##############################] 100% 4001/4001 {{[0-9.]+[kMG]?}}/s done in {{[0-9.]+}}s
// BAR-NEXT: purecc progress-repeated-maps.cpp:34 30 runs, 120030 items {{[0-9.]+[kMG]?}}/s done in {{[0-9.]+}}s
// BAR-NEXT: purecc progress-repeated-maps.cpp:38 30 runs, 120030 items {{[0-9.]+[kMG]?}}/s done in {{[0-9.]+}}s
// BAR-NOT: {{.}}
