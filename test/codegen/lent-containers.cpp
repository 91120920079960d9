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
  // OUT-NEXT: bytes: {{[0-9]+}} model: {{[0-9a-f]+}}
}
