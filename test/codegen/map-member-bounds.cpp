// A loop whose bound is a scalar member of the object whose container
// member the body stores into: `for (int i = 0; i < g.n; ++i) g.a[i] =
// cell(i);` (user41 t03, refused as "the bound 'g' changes"). Storing into
// the elements of 'g.a' leaves 'g.n' as it is, so the loop is a map over
// 'g.a'. A body that writes the member the bound reads (or the whole
// object, or hands it to code that may) stays serial and names the change.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include "digest.h"

#include <cmath>
#include <cstdio>
#include <vector>

struct Grid {
  std::vector<double> a;
  int n;
};
struct Dims {
  int rows, cols;
};
struct Image {
  Dims dims;
  std::vector<double> px;
  double scale;
};

// Compressed sparse rows: where each row's values start.
struct CSR {
  std::vector<int> rowptr;
  std::vector<double> val;
};

struct Limits {
  std::vector<double> a;
  int lim[2];
};

[[pure]] double cell(int i) {
  double s = 0.0;
  for (int k = 1; k < 400; ++k)
    s += std::sin(i * 0.01 * k) / k;
  // REMARK: map-member-bounds.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 399 iterations of loop-free work (about 34 operations each) are too little to share [purecc-missed-reduction]
  return s;
}

void shrink(Grid &g) { g.n = g.n / 2; }

// Every bit of every element.
unsigned long sum(const std::vector<double> &v) {
  return static_cast<unsigned long>(digest(v.data(), v.size(), 14695981039346656037ULL));
}

int main() {
  Grid g{std::vector<double>(3000), 3000};
  for (int i = 0; i < g.n; ++i)
    g.a[i] = cell(i);
  // REMARK: map-member-bounds.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'g.a' [purecc-parallel-map]
  std::printf("member bound: %lx\n", sum(g.a));

  // Two members of a nested member, and another member written beside the
  // map's stores.
  Image im{{40, 75}, std::vector<double>(3000), 1.0};
  for (int i = 0; i < im.dims.rows * im.dims.cols; ++i) {
    im.px[i] = cell(i) * 2.0;
  }
  // REMARK: map-member-bounds.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'im.px' [purecc-parallel-map]
  std::printf("nested bound: %lx\n", sum(im.px));

  // The body changes the member the bound reads: the serial loop stops at
  // 1500.
  Grid h{std::vector<double>(3000, -1.0), 3000};
  for (int i = 0; i < h.n; ++i) {
    h.a[i] = cell(i);
    if (i == 10)
      h.n = 1500;
  }
  // REMARK: map-member-bounds.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the bound reads 'h.n', which the loop body may change ('h.n = 1500') [purecc-missed-map]
  std::printf("bound written: %lx %d\n", sum(h.a), h.n);

  // The whole object handed to a function that may change it.
  Grid k{std::vector<double>(3000, -1.0), 3000};
  for (int i = 0; i < k.n; ++i) {
    k.a[i] = cell(i);
    if (i == 10)
      shrink(k);
  }
  // REMARK: map-member-bounds.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the bound reads 'k.n', which the loop body may change ('shrink(k)') [purecc-missed-map]
  std::printf("object passed: %lx %d\n", sum(k.a), k.n);

  // A lambda in the body that writes the nested member.
  Image jm{{40, 75}, std::vector<double>(3000, -1.0), 1.0};
  for (int i = 0; i < jm.dims.rows * jm.dims.cols; ++i) {
    jm.px[i] = cell(i);
    auto halve = [&] { jm.dims = {20, 75}; };
    if (i == 10)
      halve();
  }
  // REMARK: map-member-bounds.cpp:[[@LINE-6]]:3: remark: loop not parallelized: the bound reads 'jm.dims.rows' and 'jm.dims.cols', which the loop body may change ('[&] { jm.dims = {20, 75}; }') [purecc-missed-map]
  std::printf("lambda: %lx %d\n", sum(jm.px), jm.dims.rows);

  // An element of an array member at a constant index (adv42): the whole
  // member stands for it.
  Limits q{std::vector<double>(3000), {10, 3000}};
  for (int i = 0; i < q.lim[1]; ++i)
    q.a[i] = cell(i);
  // REMARK: map-member-bounds.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'q.a' [purecc-parallel-map]
  Limits r{std::vector<double>(3000, -1.0), {10, 3000}};
  for (int i = 0; i < r.lim[1]; ++i) {
    r.a[i] = cell(i);
    r.lim[0] = i;
  }
  // REMARK: map-member-bounds.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the bound reads 'r.lim', which the loop body may change ('r.lim[0] = i') [purecc-missed-map]
  std::printf("array member: %lx %lx %d\n", sum(q.a), sum(r.a), r.lim[0]);

  // The bound reads elements of 'c.rowptr', a member that owns them, and
  // the body stores into 'c.val' (user47 k03: "the bound 'c' changes").
  CSR c{{0, 3000}, std::vector<double>(3000)};
  for (int col = 0; col < c.rowptr[1] - c.rowptr[0]; ++col)
    c.val[col] = cell(col);
  // REMARK: map-member-bounds.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'c.val' [purecc-parallel-map]
  // The body stores into 'd.rowptr' too: the bound may change.
  CSR d{{0, 3000}, std::vector<double>(3000, -1.0)};
  for (int col = 0; col < d.rowptr[1] - d.rowptr[0]; ++col) {
    d.val[col] = cell(col);
    if (col == 10)
      d.rowptr[1] = 1500;
  }
  // REMARK: map-member-bounds.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the bound reads 'd.rowptr', which the loop body may change ('d.rowptr[1] = 1500') [purecc-missed-map]
  // The index reads an element whose index reads the object whole.
  CSR e{{0, 3000}, std::vector<double>(3000, -1.0)};
  for (int col = 0; col < 3000; ++col) {
    e.val[e.rowptr[e.rowptr.empty() ? 1 : 0] + col] = cell(col);
    if (col == 10)
      e.rowptr[0] = 0;
  }
  // REMARK: map-member-bounds.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the index of 'e.val' written reads 'e', which may not be the same in every iteration [purecc-missed-map]
  std::printf("csr: %lx %lx %d %lx\n", sum(c.val), sum(d.val), d.rowptr[1], sum(e.val));
}
// OUT: member bound: 55babfed1f21f44a
// OUT-NEXT: nested bound: d00abfed1f21f44a
// OUT-NEXT: bound written: ff4630385efed13b 1500
// OUT-NEXT: object passed: ff4630385efed13b 1500
// OUT-NEXT: lambda: ff4630385efed13b 20
// OUT-NEXT: array member: 55babfed1f21f44a 55babfed1f21f44a 2999
// OUT-NEXT: csr: 55babfed1f21f44a ff4630385efed13b 1500 55babfed1f21f44a
