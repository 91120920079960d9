// A map whose elements are structs: `out[i] = g(v[i])` assigns through the
// struct's operator=, whose argument is a temporary nobody else sees, and
// `i < out.size()` only reads the size, which storing into elements keeps.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

struct P {
  double x, y;
};

[[pure]] P step(P p) {
  double s = 0;
  for (int k = 0; k < 40; ++k)
    s += p.x * k - p.y;
  return P{s, p.y * 0.5 + p.x};
}

int main(int argc, char **) {
  std::vector<P> v(2000 + argc);
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] = P{double(i), double(i % 7)};
  // REMARK: struct-maps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  std::vector<P> out(v.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = step(v[i]);
  // REMARK: struct-maps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  P c[300];
  for (int i = 0; i < 300; ++i)
    c[i] = step(P{double(i), 1.5});
  // REMARK: struct-maps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'c' [purecc-parallel-map]
  double h = 0;
  for (const P &p : out)
    h = h * 0.5 + p.x - p.y;
  for (const P &p : c)
    h = h * 0.5 + p.x + p.y;
  std::printf("%.17g %.17g %.17g\n", out[77].x, c[299].y, h);
  // OUT: 60060 299.75 465357.5
  return 0;
}
