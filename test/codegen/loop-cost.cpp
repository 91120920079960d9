// Worth sharing or not: a loop whose body is loop-free work and whose trip
// count is not a constant runs 1024 iterations per leaf, so that a short run
// of it (16 centroids) is one leaf the runtime folds in the calling thread,
// without a task; a loop whose body runs a loop keeps the runtime's leaves
// (one iteration each for 16 iterations), so a 16-iteration outer loop with
// heavy inner work is still shared. A constant count of at most 1024
// loop-free iterations stays serial (see refused-loops.cpp).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

struct P {
  double x, y;
};

[[pure]] double dist2(P a, P b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }
[[pure]] P point(long i) { return {double(i % 101) / 7.0, double(i % 37) / 3.0}; }

// The inversions of the m-th rotation of 0..6: a triangle of 21 pairs,
// 7 iterations of at most 12 steps, stays serial (a loop without a call
// that stays serial gets no remark).
[[pure]] long inversions(long m) {
  int p[7];
  for (int k = 0; k < 7; ++k)
    p[k] = int((k + m) % 7);
  long inv = 0;
  for (int i = 0; i < 7; ++i)
    for (int j = i + 1; j < 7; ++j)
      inv += p[i] > p[j];
  // CHECK: {{^}}  for (int i = 0; i < 7; ++i)
  // CHECK-NEXT: {{^}}    for (int j = i + 1; j < 7; ++j)
  return inv;
}

// Heavy: a loop over every point.
[[pure]] double spread(const std::vector<P> &pts, P c) {
  double s = 0;
  for (const P &p : pts)
    s += dist2(p, c);
  // REMARK: loop-cost.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

// A constructor that loops is work too (adv47 t46: "64 iterations of
// loop-free work" for `get(i)` returning `Obj(i).v`).
struct Obj {
  long v;
  [[pure]] explicit Obj(long x) : v(x) {
    for (int k = 0; k < 2000; ++k)
      v = (v * 1103515245 + 12345) % 1000003;
  }
};
[[pure]] long get(long i) { return Obj(i).v; }

int main(int argc, char **) {
  int k = 15 + argc; // 16, not a constant
  long n = 20000;
  std::vector<P> pts(n);
  for (long i = 0; i < n; ++i)
    pts[i] = point(i);
  // REMARK: loop-cost.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'pts' [purecc-parallel-map]
  // CHECK: {{^}}    pts[i] = point(i); } }, ::purecc::leaf_size{1024});
  std::vector<P> centers(k);
  for (int c = 0; c < k; ++c)
    centers[c] = point(c * 13);
  // REMARK: loop-cost.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'centers' [purecc-parallel-map]
  // CHECK: {{^}}    centers[c] = point(c * 13); } }, ::purecc::leaf_size{512});

  // 16 iterations of heavy work: the runtime's own leaves.
  std::vector<double> cost(k);
  for (int c = 0; c < k; ++c)
    cost[c] = spread(pts, centers[c]);
  // REMARK: loop-cost.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'cost' [purecc-parallel-map]
  // CHECK: {{^}}    cost[c] = ::spread(pts, centers[c]); } });

  // 16 iterations of a few flops: one leaf, no task.
  double nearest = 1e300;
  int at = -1;
  P q{3.5, 2.25};
  for (int c = 0; c < k; ++c)
    if (dist2(q, centers[c]) < nearest) {
      nearest = dist2(q, centers[c]);
      at = c;
    }
  // REMARK: loop-cost.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'nearest' with 'at' (the first of equal values kept, as in the loop) [purecc-selection]
  // CHECK: purecc_a{{[0-9]+}}_t::merge{}, ::purecc::leaf_size{2048}); for (auto &purecc_a{{[0-9]+}}_r
  double total = 0;
  for (int c = 0; c < k; ++c)
    total += cost[c];
  // REMARK: loop-cost.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'total' [purecc-reduction]
  // CHECK: {{^}}    purecc_acc_[[N:[0-9]+]] += cost[c]; } return purecc_acc_[[N]]; }, [](double purecc_lhs, double purecc_rhs) { return purecc_lhs + purecc_rhs; }, ::purecc::leaf_size{4096});
  std::printf("nearest %d at %.6f, total %.6g\n", at, nearest, total);
  // OUT: nearest 9 at 1.536990, total 1.96696e+07

  long built = 0, got = 0;
  for (long i = 0; i < 64; ++i)
    built += Obj(i).v;
  // REMARK: loop-cost.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'built' [purecc-reduction]
  for (long i = 0; i < 64; ++i)
    got += get(i);
  // REMARK: loop-cost.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'got' [purecc-reduction]
  std::printf("constructed %ld %ld\n", built, got);
  // OUT-NEXT: constructed [[C:[0-9]+]] [[C]]

  // Inner loops of bounded trips count every step (user50 k01): 7 outer
  // iterations of at most 12 steps stay serial, also in a loop over calls.
  long inv = 0;
  for (long m = 0; m < 5040; ++m)
    inv += inversions(m);
  // REMARK: loop-cost.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'inv' [purecc-reduction]
  // 64 iterations of 129 steps, and an inner bound known only at run time,
  // are shared.
  long grid = 0, rows = 0;
  for (int i = 0; i < 64; ++i)
    for (int j = 0; j < 64; ++j)
      grid += (i * 31 + j) % 7;
  // REMARK: loop-cost.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'grid' [purecc-reduction]
  const long lim = 3000 + (built & 1);
  for (int i = 0; i < 7; ++i)
    for (long j = 0; j < lim; ++j)
      rows += j % 3;
  // REMARK: loop-cost.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'rows' [purecc-reduction]
  std::printf("nests %ld %ld %ld\n", inv, grid, rows);
  // OUT-NEXT: nests 40320 12285 21000
}
