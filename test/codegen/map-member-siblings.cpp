// A struct of arrays: a map storing into one member container may read
// the elements of the object's other member containers (user48 k01: `p.vx[i]
// = force(p.x[i])` was refused as "'p' is read inside the loop body").
// Two members never share storage, and elements of arithmetic or
// enumeration type lead nowhere, so no store reaches what is read; the
// index of such a read (`p.y[p.idx[i]]`) is code of the body like any
// other. A member container of pointers (which may point into the written
// one), an element of the written container itself at another index, and
// a sibling written in the same body stay serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

enum class Kind { Gas, Dust };

struct Particles {
  std::vector<double> x, y, vx;
  std::vector<int> idx;
  std::array<Kind, 4> kinds;
  double mass[4];
  double dt;
  std::vector<double *> link;
};

struct Nested {
  struct {
    std::vector<long> in, out;
  } a;
  std::vector<long> seed;
};

[[pure]] double force(double x, double y) {
  double f = 0;
  for (int k = 1; k <= 40; ++k)
    f += std::sin(k * x) * std::cos(k * y) / k;
  // REMARK: map-member-siblings.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 40 iterations of loop-free work (about 55 operations each) are too little to share [purecc-missed-reduction]
  return f;
}
[[pure]] long mix(long a, long b) {
  long h = a ^ b;
  for (int k = 0; k < 200; ++k)
    h = (h * 31 + k) % 1000003;
  return h;
}

int main() {
  const int n = 6000;
  Particles p;
  p.x.assign(n, 0);
  p.y.assign(n, 0);
  p.vx.assign(n, 0);
  p.idx.assign(n, 0);
  p.kinds = {Kind::Gas, Kind::Dust, Kind::Gas, Kind::Dust};
  for (int j = 0; j < 4; ++j)
    p.mass[j] = 1.0 + j;
  p.dt = 0.5;
  for (int i = 0; i < n; ++i) {
    p.x[i] = 0.001 * i;
    p.y[i] = 0.002 * (n - i);
    p.idx[i] = (i * 7) % n;
  }
  // REMARK: map-member-siblings.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel map over 'p.x' [purecc-parallel-map]
  for (int i = 0; i < n; ++i)
    p.vx[i] = force(p.x[i], p.y[p.idx[i]]) * p.dt / p.mass[i % 4] +
              (p.kinds[i % 4] == Kind::Dust ? 1.0 : 0.0);
  // REMARK: map-member-siblings.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'p.vx' [purecc-parallel-map]
  std::printf("%.12f %.12f %.12f\n", p.vx[7], p.vx[2500], p.vx[n - 1]);
  // OUT: 1.000859172686 0.165575679728 0.824947814991

  Nested q;
  q.a.in.assign(n, 0);
  q.a.out.assign(n, 0);
  q.seed.assign(n, 3);
  for (int i = 0; i < n; ++i)
    q.a.in[i] = i;
  for (int i = 0; i < n; ++i)
    q.a.out[i] = mix(q.a.in[i], q.seed[i]);
  // REMARK: map-member-siblings.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'q.a.out' [purecc-parallel-map]
  std::printf("%ld %ld\n", q.a.out[5], q.a.out[n - 1]);
  // OUT-NEXT: 203587 786105

  // A pointer element may point into 'p.vx'.
  p.link.assign(n, nullptr);
  for (int i = 0; i < n; ++i)
    p.link[i] = &p.vx[(i + 1) % n];
  for (int i = 0; i < n; ++i)
    p.vx[i] = force(*p.link[i], 0.5);
  // REMARK: map-member-siblings.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'p' is read inside the loop body ('p.vx[i] = force(*p.link[i], 0.5)'), other than through the elements of 'p.vx' that each iteration writes and the arithmetic members and elements apart from it [purecc-missed-map]
  // Another element of the written container.
  for (int i = 1; i < n; ++i)
    p.vx[i] = force(p.vx[i - 1], p.x[i]);
  // REMARK: map-member-siblings.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'p.vx[i - 1]', an element of 'p.vx' that another iteration may write [purecc-missed-map]
  // A sibling written in the same body, at another element; the element
  // read is named with its own container.
  for (int i = 0; i < n; ++i) {
    p.vx[i] = force(p.x[i], 0.25);
    p.x[(i + 1) % n] = 0.5;
  }
  // REMARK: map-member-siblings.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the element of 'p.x' written is not indexed by the loop variable [purecc-missed-map]
  for (int i = 0; i + 1 < n; ++i) {
    p.vx[i] = force(p.x[i], 0.25);
    p.x[i + 1] += p.vx[i];
  }
  // REMARK: map-member-siblings.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the loop body reads 'p.x[i]', an element of 'p.x' that another iteration may write [purecc-missed-map]
  std::printf("%.12f %.12f\n", p.vx[1], p.vx[n - 1]);
  // OUT-NEXT: 0.655188003659 1.352920340266
  return 0;
}
