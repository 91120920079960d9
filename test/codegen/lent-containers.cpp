// Maps into a container the caller lent by reference (LentContainers.h):
// `out[i] = f(i)` of a `std::vector<double> &out`, `c.out[i]` of a `Cfg &c`,
// and `out[i] = f(in[i])` even when the caller passes one vector as both
// (`v[i] = f(v[i])` then). Reads the loop may make of another iteration's
// elements under another name keep it serial, naming what is read: another
// index of a lent container, a `const P &` that may be an element, a
// span, a pointer, `this`; so do byte elements, which may hold any object.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include "digest.h"

#include <cstdio>
#include <array>
#include <span>
#include <vector>

[[pure]] double f(long i) {
  double s = 0;
  for (long k = 1; k < 300; ++k)
    s += double((i * 7 + k) % 13) / double(k);
  return s;
}

struct P {
  double x, y;
};
struct Cfg {
  int n;
  double scale;
  std::vector<double> out;
};

unsigned long sum(const std::vector<double> &v) {
  return static_cast<unsigned long>(digest(v.data(), v.size(), 14695981039346656037ULL));
}

void fill(std::vector<double> &out, long n) {
  for (long i = 0; i < n; ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
    out[i] = f(i);
}

// Called with one vector as both: each iteration reads the element it
// writes.
void transform(const std::vector<double> &in, std::vector<double> &out) {
  for (std::size_t i = 0; i < out.size(); ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
    out[i] = f(long(in[i] * 10)) + in[i];
}

void scaled(Cfg &c) {
  for (int i = 0; i < c.n; ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'c.out' [purecc-parallel-map]
    c.out[i] = f(i) * c.scale;
}

// Called with one vector as both: in[i + 1] is the element the next
// iteration writes.
void shifted(const std::vector<double> &in, std::vector<double> &out) {
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'out' is a container the caller lent by reference, and the loop body reads through 'in', which may be its elements under another name [purecc-missed-map]
    out[i] = f(long(in[i + 1] * 10));
}

// Called with q = out[5].
void from_element(std::vector<P> &out, const P &q) {
  for (long i = 0; i < 40; ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'out' is a container the caller lent by reference, and the loop body reads through 'q', which may be its elements under another name [purecc-missed-map]
    out[i] = P{f(i) + q.x, q.y};
}

// Called with a view of out's own buffer.
void from_view(std::vector<double> &out, std::span<const double> view) {
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'out' is a container the caller lent by reference, and the loop body reads through 'view', which may be its elements under another name [purecc-missed-map]
    out[i] = f(long(view[i + 1] * 10));
}

void bytes(std::vector<unsigned char> &out) {
  for (std::size_t i = 0; i < out.size(); ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'out' is a container the caller lent by reference, of elements of one byte, which may hold any other object the loop reads [purecc-missed-map]
    out[i] = static_cast<unsigned char>(f(long(i)));
}

// Containers inside containers (adv97): a row of 'in' may be 'out', and
// an element of 'out' may be 'in'; elements that are pointers, views or
// references reach what another iteration writes.
using Row = std::array<double, 8>;
void rows(std::vector<double> &out, const std::vector<std::vector<double>> &in, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'out' is a container the caller lent by reference, and the loop body reads through 'in', which may be its elements under another name [purecc-missed-map]
    out[i] = f(long(i)) + in[i][n - 1 - i];
}
void of_rows(std::array<Row, 8> &out, const Row &in) {
  for (std::size_t i = 0; i < 8; ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'out' is a container the caller lent by reference, of elements ('std::array<double, 8>') that may hold or reach other containers or memory the loop reads [purecc-missed-map]
    out[i] = Row{f(long(i)) + in[i]};
}
[[pure]] double deref(const double *p) { return *p; }
void pointers(std::vector<double> &out, const std::vector<const double *> &in) {
  for (std::size_t i = 0; i < out.size(); ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'out' is a container the caller lent by reference, and the loop body reads through 'in', which may be its elements under another name [purecc-missed-map]
    out[i] = f(long(i)) + deref(in[i]);
  // REMARK: lent-containers.cpp:[[@LINE-1]]:14: remark: calls to 'f' and 'deref' not parallelized: 'deref' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
}
// A reference to an element may be walked to its neighbours.
[[pure]] double before(const double &x) { return (&x)[-1]; }
void neighbours(std::vector<double> &out, const std::vector<double> &in) {
  for (std::size_t i = 1; i < out.size(); ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'out' is a container the caller lent by reference, and the loop body hands 'in[i]' on by reference, through which the elements beside it may be read [purecc-missed-map]
    out[i] = f(long(i)) + before(in[i]);
  // REMARK: lent-containers.cpp:[[@LINE-1]]:14: remark: calls to 'f' and 'before' not parallelized: 'before' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
}
// Elements of plain structs, read and copied by value: a map.
struct Q {
  double a;
  long b;
};
[[pure]] double weigh(Q q) { return q.a * double(q.b); }
void structs(std::vector<Q> &out, const std::vector<Q> &in, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
    out[i] = Q{f(long(in[i].b)) + weigh(in[i]), in[i].b + 1};
}

// Elements of plain structs with the container's own size as the bound:
// storing an element resizes nothing (adv98 F4).
struct C3 {
  long a;
  long b[2];
};
void sized(std::vector<C3> &out) {
  for (std::size_t i = 0; i < out.size(); ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
    out[i] = C3{long(f(long(i))), {long(i), 1}};
}
void ranged(std::vector<long> &out) {
  for (long &x : out)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'out' is a container the caller lent by reference, written through the range-for's element: only 'out[i] = ...' of a counted loop is rewritten [purecc-missed-map]
    x = long(f(x));
}

struct Model {
  double bias = 0.5;
  void predict(std::vector<double> &out) const {
    for (std::size_t i = 0; i < out.size(); ++i)
      // REMARK: lent-containers.cpp:[[@LINE-1]]:5: remark: loop not parallelized: 'out' is a container the caller lent by reference, and the loop body reads through a pointer, a reference, 'this' or a global, which may be its elements under another name [purecc-missed-map]
      out[i] = f(long(i)) + bias;
  }
};

int main() {
  std::vector<double> a(500);
  fill(a, 500);
  std::printf("fill: %lx\n", sum(a));
  // OUT: fill: [[FILL:[0-9a-f]+]]
  std::vector<double> b(500);
  transform(a, b);
  transform(a, a); // one vector as both
  std::printf("transform: %lx %lx\n", sum(b), sum(a));
  // OUT-NEXT: transform: [[T:[0-9a-f]+]] [[T]]
  Cfg c{300, 1.5, std::vector<double>(300)};
  scaled(c);
  std::printf("member: %lx\n", sum(c.out));
  // OUT-NEXT: member: {{[0-9a-f]+}}
  std::vector<double> s(200, 0.5);
  for (std::size_t i = 0; i < s.size(); ++i)
    // REMARK: lent-containers.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 's' [purecc-parallel-map]
    s[i] = double(i % 7) / 10;
  shifted(s, s); // one vector as both: each reads what the next writes
  std::printf("shifted: %lx\n", sum(s));
  // OUT-NEXT: shifted: {{[0-9a-f]+}}
  std::vector<P> ps(40, P{0.25, 0.75});
  from_element(ps, ps[5]);
  std::printf("element: %a %a\n", ps[39].x, ps[39].y);
  // OUT-NEXT: element: {{.*}}
  std::vector<double> w(100, 0.3);
  from_view(w, std::span<const double>(w));
  std::printf("view: %lx\n", sum(w));
  // OUT-NEXT: view: {{[0-9a-f]+}}
  std::vector<unsigned char> u(64);
  bytes(u);
  Model m;
  std::vector<double> o(64);
  m.predict(o);
  std::printf("bytes: %d model: %lx\n", int(u[63]), sum(o));
  std::vector<std::vector<double>> grid(8, std::vector<double>(8, 0.5));
  rows(grid[3], grid, 8);
  static std::array<Row, 8> table{};
  for (Row &r : table)
    r.fill(0.5);
  of_rows(table, table[0]);
  std::vector<const double *> ptrs(64, &o[0]);
  pointers(o, ptrs);
  neighbours(o, o);
  std::vector<Q> qs(64, Q{0.5, 3});
  structs(qs, qs, qs.size());
  std::printf("rows: %a %a %a %a %ld\n", grid[3][7], table[7][0], o[63], qs[63].a, qs[63].b);
  std::vector<C3> c3(64);
  sized(c3);
  std::vector<long> r(64, 2);
  ranged(r);
  std::printf("sized: %ld %ld %ld\n", c3[63].a, c3[63].b[0], r[63]);
  // OUT-NEXT: bytes: {{[0-9]+}} model: {{[0-9a-f]+}}
  // OUT-NEXT: rows: {{.*}}
  // OUT-NEXT: sized: {{[0-9]+}} 63 {{[0-9]+}}
}
